package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.SystemContracts;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.json.Hex;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * eth_config (EIP-7910): the fork configuration in force at the head ({@code current}), the next
 * scheduled one and the last one ({@code null} both when no fork is scheduled after the head).
 * Everything is derived from the chain's {@link ChainConfig} and the precompiles the node executes
 * with (plugin precompiles included, under their own names): activation time, blob schedule, chain
 * id, EIP-6122 fork hash, precompiles by name and the system contracts the fork calls.
 */
public final class EthConfigMethods {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Blockchain chain;
  private final TransactionProcessors processors;

  public EthConfigMethods(Blockchain chain, TransactionProcessors processors) {
    this.chain = chain;
    this.processors = processors;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_config", RpcMethod.withoutParams(this::config));
  }

  private ObjectNode config() {
    ChainConfig config = chain.config();
    long now = chain.head().timestamp();
    ForkActivation current = config.forkAt(now);
    ForkActivation next = null;
    ForkActivation last = null;
    for (ForkActivation a : config.activations()) {
      if (Long.compareUnsigned(a.timestamp(), now) > 0) {
        // forks sharing a time are one configuration: the latest of them
        if (next == null || a.timestamp() == next.timestamp()) {
          next = a;
        }
        last = a;
      }
    }
    BlockHeader genesis = chain.headerByNumber(0).orElseThrow();
    ObjectNode o = JSON.objectNode();
    o.set("current", forkConfig(current, genesis));
    o.set("next", next == null ? JSON.nullNode() : forkConfig(next, genesis));
    o.set("last", last == null ? JSON.nullNode() : forkConfig(last, genesis));
    return o;
  }

  private ObjectNode forkConfig(ForkActivation fork, BlockHeader genesis) {
    ObjectNode o = JSON.objectNode();
    o.put("activationTime", fork.timestamp());
    ObjectNode blobs = o.putObject("blobSchedule");
    blobs.put("baseFeeUpdateFraction", fork.blobs().baseFeeUpdateFraction());
    blobs.put("max", fork.blobs().max());
    blobs.put("target", fork.blobs().target());
    o.put("chainId", Hex.quantity(chain.config().chainId()));
    long forkHash = forkHash(genesis.hash(), genesis.timestamp(), chain.config().activations(), fork.timestamp());
    o.put("forkId", String.format("0x%08x", forkHash));
    Map<String, Address> precompiles = new TreeMap<>();
    processors.precompileContracts(fork.timestamp()).forEach((address, contract) ->
        precompiles.put(contract.name(), address));
    o.set("precompiles", addresses(precompiles));
    o.set("systemContracts", addresses(systemContracts(fork.rules())));
    return o;
  }

  /** The system contracts blocks of {@code rules} call (as the block processor does), by their EIPs' names. */
  private Map<String, Address> systemContracts(Fork rules) {
    Map<String, Address> contracts = new TreeMap<>();
    contracts.put("BEACON_ROOTS_ADDRESS", SystemContracts.BEACON_ROOTS);
    if (rules.isAtLeast(Fork.PRAGUE)) {
      contracts.put("CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS", SystemContracts.CONSOLIDATION_REQUESTS);
      contracts.put("DEPOSIT_CONTRACT_ADDRESS", chain.config().depositContract());
      contracts.put("HISTORY_STORAGE_ADDRESS", SystemContracts.HISTORY_STORAGE);
      contracts.put("WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS", SystemContracts.WITHDRAWAL_REQUESTS);
    }
    return contracts;
  }

  /**
   * EIP-6122's FORK_HASH once the forks up to {@code time} have activated: CRC32 of the genesis
   * hash and each distinct fork time after the genesis block's, in order, as big-endian uint64.
   */
  static long forkHash(byte[] genesisHash, long genesisTime, List<ForkActivation> activations, long time) {
    CRC32 crc = new CRC32();
    crc.update(genesisHash);
    long previous = genesisTime;
    for (ForkActivation a : activations) {
      long t = a.timestamp();
      if (Long.compareUnsigned(t, previous) > 0 && Long.compareUnsigned(t, time) <= 0) {
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(t).array());
        previous = t;
      }
    }
    return crc.getValue();
  }

  private static ObjectNode addresses(Map<String, Address> byName) {
    ObjectNode o = JSON.objectNode();
    byName.forEach((name, address) -> o.put(name, address.toHexString()));
    return o;
  }
}
