package io.nativerollups.node.plugin;

import io.nativerollups.evm.block.BlockExtension;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.plugin.BlockHook;
import io.nativerollups.plugin.PluginContext;
import io.nativerollups.plugin.RpcMethod;
import io.nativerollups.plugin.TransactionSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the plugins registered, and the {@link BlockExtension} that applies their precompiles
 * and block hooks in block processing (the same object serves the builder and the importer).
 */
public final class PluginRegistry implements PluginContext, BlockExtension {
  /** A declared plugin option. */
  public record CliOption(String name, String description, String defaultValue) {}

  private final Map<String, Object> genesisConfig;
  private final long chainId;
  /** Activation time -> the precompiles active from it; a later activation inherits the earlier ones. */
  private final TreeMap<Long, Map<Address, PrecompiledContract>> precompilesFrom = new TreeMap<>();
  private final List<BlockHook> hooks = new ArrayList<>();
  private final List<TransactionSelector> selectors = new ArrayList<>();
  private final Map<String, CliOption> options = new LinkedHashMap<>();
  private final Map<String, String> optionValues = new HashMap<>();
  private final Map<String, RpcMethod> rpcMethods = new LinkedHashMap<>();

  public PluginRegistry(Map<String, Object> genesisConfig, long chainId) {
    this.genesisConfig = genesisConfig;
    this.chainId = chainId;
  }

  @Override
  public Map<String, Object> genesisConfig() {
    return genesisConfig;
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public synchronized void registerPrecompile(Address address, long activationTime, PrecompiledContract contract) {
    precompilesFrom.computeIfAbsent(activationTime, t -> new HashMap<>());
    // every set from this activation on gets the contract; a set before it copies its predecessor's
    Map.Entry<Long, Map<Address, PrecompiledContract>> before = precompilesFrom.lowerEntry(activationTime);
    if (before != null) {
      precompilesFrom.get(activationTime).putAll(before.getValue());
    }
    for (Map<Address, PrecompiledContract> set : precompilesFrom.tailMap(activationTime, true).values()) {
      set.put(address, contract);
    }
  }

  @Override
  public synchronized void addBlockHook(BlockHook hook) {
    hooks.add(hook);
  }

  @Override
  public synchronized void addTransactionSelector(TransactionSelector selector) {
    selectors.add(selector);
  }

  @Override
  public synchronized void addCliOption(String name, String description, String defaultValue) {
    String bare = name.startsWith("--") ? name.substring(2) : name;
    if (options.containsKey(bare)) {
      throw new IllegalArgumentException("option --" + bare + " is declared twice");
    }
    options.put(bare, new CliOption(bare, description, defaultValue));
  }

  @Override
  public Optional<String> option(String name) {
    String bare = name.startsWith("--") ? name.substring(2) : name;
    CliOption declared = options.get(bare);
    if (declared == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(optionValues.getOrDefault(bare, declared.defaultValue()));
  }

  @Override
  public synchronized void addRpcMethod(String name, RpcMethod method) {
    if (rpcMethods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("RPC method " + name + " is registered twice");
    }
  }

  /** The options plugins declared, by name without dashes. */
  public Map<String, CliOption> cliOptions() {
    return Map.copyOf(options);
  }

  /** Records an option value given on the command line. */
  public void setOptionValue(String name, String value) {
    optionValues.put(name, value);
  }

  /** The RPC methods plugins added, by method name (the JSON-RPC server serves them). */
  public Map<String, RpcMethod> rpcMethods() {
    return Map.copyOf(rpcMethods);
  }

  /** The builder's postponement rules. */
  public List<TransactionSelector> transactionSelectors() {
    return List.copyOf(selectors);
  }

  @Override
  public Map<Address, PrecompiledContract> precompiles(long timestamp) {
    Map.Entry<Long, Map<Address, PrecompiledContract>> active = precompilesFrom.floorEntry(timestamp);
    return active == null ? Map.of() : active.getValue();
  }

  @Override
  public void startBlock(WorldState world, BlockHeader header) {
    for (BlockHook hook : hooks) {
      hook.startBlock(world, header);
    }
  }

  @Override
  public void endBlock(WorldState world, BlockHeader header) {
    for (BlockHook hook : hooks) {
      hook.endBlock(world, header);
    }
  }
}
