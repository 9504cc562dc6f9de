package io.nativerollups.evm.witness;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.state.MissingCodeException;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.MissingTrieNodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Executes a block given only its witness: the pre-state is the parent header's state root (the
 * parent being the witness header whose hash is the block's parent hash), read from the witness's
 * trie nodes, which are looked up by their keccak256, so a node that is not authentic is simply
 * missing. Block validation and execution are {@link BlockProcessor}'s, unchanged, so a stateless
 * run accepts exactly the blocks a full node accepts, with the same roots.
 *
 * <p>A trie node, code or header that the block needs and the witness lacks fails the run with an
 * {@link InvalidWitnessException}; it never yields a result. Entries the block does not need are
 * allowed and listed in the result.
 */
public final class StatelessExecutor {
  private final BlockProcessor processor;

  /** An executor that validates and executes blocks with {@code processor}. */
  public StatelessExecutor(BlockProcessor processor) {
    this.processor = processor;
  }

  /**
   * The outcome of a stateless run.
   *
   * @param block what executing the block produced (its roots equal the header's)
   * @param unusedStateNodes the witness trie nodes never read, and repeats of ones read
   * @param unusedCodes the witness codes never read, and repeats
   * @param unusedHeaders the witness headers never looked up, and repeats
   */
  public record Result(BlockResult block, List<byte[]> unusedStateNodes, List<byte[]> unusedCodes,
      List<byte[]> unusedHeaders) {
    /** The post-state root. */
    public byte[] stateRoot() {
      return block.stateRoot();
    }

    /** The root of the receipts trie. */
    public byte[] receiptsRoot() {
      return block.receiptsRoot();
    }

    /** Gas used by the block's transactions. */
    public long gasUsed() {
      return block.gasUsed();
    }

    /** True if the witness held nothing the block did not need. */
    public boolean witnessIsMinimal() {
      return unusedStateNodes.isEmpty() && unusedCodes.isEmpty() && unusedHeaders.isEmpty();
    }
  }

  /**
   * Validates and executes {@code block} against {@code witness} alone.
   *
   * @throws InvalidWitnessException if a header in the witness is malformed, or the witness lacks
   *     the parent header or a node, code or ancestor header the block needs
   * @throws InvalidBlockException if the block is invalid on the state the witness proves
   */
  public Result execute(Block block, ExecutionWitness witness) throws InvalidWitnessException, InvalidBlockException {
    Map<ByteBuffer, BlockHeader> headers = indexHeaders(witness.headers());
    BlockHeader parent = headers.get(ByteBuffer.wrap(block.header().parentHash()));
    if (parent == null) {
      throw new InvalidWitnessException("witness lacks the parent header " + hex(block.header().parentHash()));
    }
    RecordingNodeStore nodes = new RecordingNodeStore(InMemoryNodeStore.of(witness.state()));
    RecordingNodeStore codes = new RecordingNodeStore(InMemoryNodeStore.of(witness.codes()));
    Set<ByteBuffer> usedHeaders = new HashSet<>();
    InMemoryWorldState world = new InMemoryWorldState(nodes, codes, parent.stateRoot());
    BlockResult result;
    try {
      result = processor.process(world, block, hash -> {
        ByteBuffer key = ByteBuffer.wrap(hash);
        BlockHeader h = headers.get(key);
        if (h == null) {
          throw new MissingHeaderException(hash);
        }
        usedHeaders.add(key);
        return h;
      });
    } catch (MissingTrieNodeException e) {
      throw new InvalidWitnessException("witness lacks a trie node the block needs: " + e.getMessage(), e);
    } catch (MissingCodeException e) {
      throw new InvalidWitnessException("witness lacks a code the block needs: " + e.getMessage(), e);
    } catch (MissingHeaderException e) {
      throw new InvalidWitnessException(e.getMessage(), e);
    } catch (RlpException e) {
      // The nodes are authentic for the parent's state root, so that root is not of a valid state
      // (a parent header crafted along with the block).
      throw new InvalidWitnessException("witness trie holds a malformed node, account or slot: " + e.getMessage(), e);
    }
    return new Result(result,
        unused(witness.state(), nodes.readCount(), nodes::wasRead),
        unused(witness.codes(), codes.readCount(), codes::wasRead),
        unused(witness.headers(), usedHeaders.size(), h -> usedHeaders.contains(ByteBuffer.wrap(h))));
  }

  /** The entries whose hash was not used, and repeats; none without hashing again when all were used once. */
  private static List<byte[]> unused(List<byte[]> entries, int used, Predicate<byte[]> wasUsed) {
    if (entries.size() == used) {
      return List.of();
    }
    List<byte[]> unused = new ArrayList<>();
    Set<ByteBuffer> seen = new HashSet<>();
    for (byte[] entry : entries) {
      byte[] hash = Keccak256.hash(entry);
      if (!wasUsed.test(hash) || !seen.add(ByteBuffer.wrap(hash))) {
        unused.add(entry);
      }
    }
    return unused;
  }

  private static Map<ByteBuffer, BlockHeader> indexHeaders(List<byte[]> encoded) throws InvalidWitnessException {
    Map<ByteBuffer, BlockHeader> headers = new HashMap<>();
    for (int i = 0; i < encoded.size(); i++) {
      BlockHeader h;
      try {
        h = BlockHeader.decode(encoded.get(i));
      } catch (RlpException e) {
        throw new InvalidWitnessException("witness header " + i + " is malformed: " + e.getMessage(), e);
      }
      headers.put(ByteBuffer.wrap(h.hash()), h);
    }
    return headers;
  }

  private static String hex(byte[] hash) {
    return "0x" + HexFormat.of().formatHex(hash);
  }

  /** BLOCKHASH or validation looked up a header the witness does not hold. */
  private static final class MissingHeaderException extends RuntimeException {
    MissingHeaderException(byte[] hash) {
      super("witness lacks the ancestor header " + hex(hash));
    }
  }
}
