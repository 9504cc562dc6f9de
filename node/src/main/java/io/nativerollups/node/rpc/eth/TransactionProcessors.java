package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.block.BlockExtension;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.types.Address;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transaction rules in force at a block time, with the same precompiles block processing uses
 * (the fork's, plus those a plugin's {@link BlockExtension} adds from its activation time): eth_call
 * and eth_estimateGas of a contract that uses a plugin precompile (EXECUTE) must see it.
 */
public final class TransactionProcessors {
  private final ChainConfig config;
  private final BlockExtension extension;
  private final Map<Key, Machinery> cache = new ConcurrentHashMap<>();

  private record Key(Fork fork, Map<Address, PrecompiledContract> extra) {}

  private record Machinery(TransactionProcessor processor, Map<Address, PrecompiledContract> precompiles) {}

  public TransactionProcessors(ChainConfig config, BlockExtension extension) {
    this.config = config;
    this.extension = extension;
  }

  /** The fork rules of a block with {@code timestamp}. */
  public Fork forkAt(long timestamp) {
    return config.forkAt(timestamp).rules();
  }

  /**
   * The processor for a call at {@code timestamp} under {@code overrides}: the shared one unless
   * the overrides replace or move a precompile (see {@link StateOverrides#precompiles}).
   */
  public TransactionProcessor processor(long timestamp, StateOverrides overrides) {
    Machinery m = machinery(timestamp);
    Map<Address, PrecompiledContract> precompiles = overrides.precompiles(m.precompiles());
    return precompiles == m.precompiles() ? m.processor() : new TransactionProcessor(forkAt(timestamp), precompiles);
  }

  /** The precompile addresses in force at {@code timestamp}. */
  public Set<Address> precompiles(long timestamp) {
    return machinery(timestamp).precompiles().keySet();
  }

  /** The precompiles in force at {@code timestamp} by address (read-only). */
  public Map<Address, PrecompiledContract> precompileContracts(long timestamp) {
    return machinery(timestamp).precompiles();
  }

  private Machinery machinery(long timestamp) {
    Key key = new Key(forkAt(timestamp), extension.precompiles(timestamp));
    return cache.computeIfAbsent(key, k -> {
      Map<Address, PrecompiledContract> all = Precompiles.forFork(k.fork());
      all.putAll(k.extra());
      return new Machinery(new TransactionProcessor(k.fork(), all), Map.copyOf(all));
    });
  }
}
