package io.nativerollups.evm.witness;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockError;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockHeaders;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.NodeStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a block's execution witness by executing it against full state.
 *
 * <p>The block runs on a world state opened at the parent's state root over the full state's trie
 * nodes and codes, through {@link RecordingNodeStore}s: every node the execution and the post-state
 * root computation load (including the siblings that branch collapses after deletions need) and
 * every code read is recorded, as is every header looked up. Stateless execution repeats the same
 * operations in the same order, so it needs exactly the recorded entries.
 */
public final class WitnessRecorder {
  private final BlockProcessor processor;

  /** A recorder that executes blocks with {@code processor}. */
  public WitnessRecorder(BlockProcessor processor) {
    this.processor = processor;
  }

  /** A valid block's execution result and its witness. */
  public record RecordedBlock(BlockResult result, ExecutionWitness witness) {}

  /**
   * Executes {@code block} on the state its parent left and records what it used.
   *
   * @param trieNodes all account- and storage-trie nodes of the parent's state (more is fine)
   * @param codes all codes of the parent's state, keyed by their keccak256
   * @param headers the block's ancestors by hash, its parent included
   * @throws InvalidBlockException if the block is invalid
   */
  public RecordedBlock record(Block block, BlockHeaders headers, NodeStore trieNodes, NodeStore codes)
      throws InvalidBlockException {
    BlockHeader parent = headers.byHash(block.header().parentHash());
    if (parent == null) {
      throw new InvalidBlockException(BlockError.UNKNOWN_PARENT, "parent block is not known");
    }
    RecordingNodeStore readNodes = new RecordingNodeStore(trieNodes);
    RecordingNodeStore readCodes = new RecordingNodeStore(codes);
    Map<ByteBuffer, BlockHeader> readHeaders = new LinkedHashMap<>();
    readHeaders.put(ByteBuffer.wrap(block.header().parentHash()), parent);
    BlockHeaders recordingHeaders = hash -> {
      BlockHeader h = headers.byHash(hash);
      if (h != null) {
        readHeaders.putIfAbsent(ByteBuffer.wrap(hash.clone()), h);
      }
      return h;
    };
    InMemoryWorldState world = new InMemoryWorldState(readNodes, readCodes, parent.stateRoot());
    BlockResult result = processor.process(world, block, recordingHeaders);
    List<byte[]> encodedHeaders = new ArrayList<>(readHeaders.size());
    for (BlockHeader h : readHeaders.values()) {
      encodedHeaders.add(h.encode());
    }
    return new RecordedBlock(result, new ExecutionWitness(readNodes.read(), readCodes.read(), encodedHeaders));
  }
}
