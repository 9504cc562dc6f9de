package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.HeadChange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The logs one {@link HeadChange} brings to log filters and {@code logs} subscriptions: first those
 * of the blocks that left the canonical chain, marked {@code "removed": true}, then those of the
 * blocks that joined it, each in chain order (as geth sends them on a reorg). Receipts are read once
 * per block however many filters ask. Not thread-safe: one instance serves one change notification.
 */
public final class HeadChangeLogs {
  private final Blockchain chain;
  private final HeadChange change;
  private final Map<Block, List<Receipt>> receipts = new IdentityHashMap<>();

  public HeadChangeLogs(Blockchain chain, HeadChange change) {
    this.chain = chain;
    this.change = change;
  }

  /** The logs that pass {@code filter}, from the blocks {@code blocks} accepts. */
  public List<ObjectNode> matching(LogFilter filter, Predicate<BlockHeader> blocks) {
    List<ObjectNode> out = new ArrayList<>();
    Predicate<byte[]> bloomTest = filter.bloomTest();
    for (Block block : change.removed()) {
      for (ObjectNode log : matching(block, filter, bloomTest, blocks)) {
        out.add(log.put("removed", true));
      }
    }
    for (Block block : change.added()) {
      out.addAll(matching(block, filter, bloomTest, blocks));
    }
    return out;
  }

  private List<ObjectNode> matching(Block block, LogFilter filter, Predicate<byte[]> bloomTest,
      Predicate<BlockHeader> blocks) {
    BlockHeader header = block.header();
    if (!blocks.test(header) || !bloomTest.test(header.logsBloom())) {
      return List.of();
    }
    List<Receipt> blockReceipts = receipts.computeIfAbsent(block, b -> chain.receipts(b.header().hash()));
    return EthLogMethods.matchingLogs(block, blockReceipts, filter);
  }
}
