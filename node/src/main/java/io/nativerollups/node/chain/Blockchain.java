package io.nativerollups.node.chain;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.NodeStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node's chain: stored blocks, receipts and transaction locations, the state after each
 * recent block, the canonical head and the forkchoice's safe and finalized blocks.
 *
 * <p>Implementations are thread-safe: the RPC server reads while the block producer imports.
 */
public interface Blockchain {
  /** The header of the canonical head. */
  BlockHeader head();

  /** The canonical block at {@code number}. */
  Optional<Block> blockByNumber(long number);

  /** A stored block, canonical or not. */
  Optional<Block> blockByHash(byte[] hash);

  /** The canonical header at {@code number}. */
  Optional<BlockHeader> headerByNumber(long number);

  /** A stored header, canonical or not. */
  Optional<BlockHeader> headerByHash(byte[] hash);

  /** The receipts of a stored block, in transaction order; empty when the block is unknown. */
  List<Receipt> receipts(byte[] blockHash);

  /** Where a transaction of the canonical chain is. */
  Optional<TransactionLocation> transaction(byte[] txHash);

  /**
   * The state after the stored block {@code blockHash}, as a private copy the caller may mutate
   * (eth_call, eth_estimateGas); its changes are never stored.
   *
   * @throws IllegalArgumentException when the block or its state is not stored
   */
  WorldState stateAt(byte[] blockHash);

  /** The chain's fork schedule and id. */
  ChainConfig config();

  /**
   * Fully validates {@code block} against its stored parent (header, body, execution, state root,
   * receipts) and stores it with its state. Does not move the head (see {@link #setHead}).
   */
  ImportResult importBlock(Block block);

  /**
   * Makes the stored block {@code blockHash} the canonical head, re-pointing the canonical
   * number index along its ancestry; notifies the head listeners.
   *
   * @throws IllegalArgumentException when the block is not stored
   */
  void setHead(byte[] blockHash);

  /** The forkchoice's finalized block hash (zero hash when none). */
  byte[] finalizedHash();

  /** Records the forkchoice's finalized block hash. */
  void setFinalizedHash(byte[] hash);

  /** The forkchoice's safe block hash (zero hash when none). */
  byte[] safeHash();

  /** Records the forkchoice's safe block hash. */
  void setSafeHash(byte[] hash);

  /** Called with each new canonical head block, after it is stored (the pool, metrics, the block log line). */
  void addHeadListener(Consumer<Block> listener);

  /**
   * Called after each {@link #setHead} that changed the canonical chain, with the blocks that left
   * and joined it (log filters and subscriptions send the logs of dropped blocks as removed).
   */
  void addHeadChangeListener(Consumer<HeadChange> listener);

  /**
   * The account- and storage-trie nodes of the stored states, by keccak256: eth_getProof opens
   * tries on them at a block's state root, and debug_executionWitness records from them.
   */
  NodeStore trieNodes();

  /** The contract codes of the stored states, by keccak256 (debug_executionWitness records from them). */
  NodeStore codes();

  /**
   * The processor this chain validates and executes blocks with (plugin precompiles and hooks
   * included): debug_executionWitness re-executes a stored block with it to record the witness.
   */
  BlockProcessor blockProcessor();

}
