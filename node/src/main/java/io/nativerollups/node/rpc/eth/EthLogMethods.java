package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.ReceiptJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * eth_getLogs over a block range or one block hash. A range is limited to {@value #MAX_BLOCK_RANGE}
 * blocks (counted after a past-the-head end is cut to the head) and an answer to {@value #MAX_LOGS} logs (-32005 beyond); a {@code toBlock} past the head
 * stops at the head; an unknown {@code blockHash} is -32000 "unknown block".
 */
public final class EthLogMethods {
  static final long MAX_BLOCK_RANGE = 10_000;
  static final int MAX_LOGS = 10_000;

  private final Blockchain chain;
  private final BlockResolver blocks;
  private final long maxBlockRange;

  public EthLogMethods(Blockchain chain) {
    this(chain, MAX_BLOCK_RANGE);
  }

  /** @param maxBlockRange the most blocks one query may cover */
  EthLogMethods(Blockchain chain, long maxBlockRange) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
    this.maxBlockRange = maxBlockRange;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_getLogs", this::logs);
  }

  private Object logs(RpcParams p) {
    p.atMost(1);
    return logs(p.required(0, LogFilter::parse));
  }

  /**
   * The logs of the canonical chain that pass {@code filter} (eth_getLogs, eth_getFilterLogs), its
   * tags resolved against the chain as it is now.
   *
   * @throws JsonRpcException for an unknown block hash, a reversed range or a limit exceeded
   */
  public ArrayNode logs(LogFilter filter) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (filter.blockHash() != null) {
      Block block = chain.blockByHash(filter.blockHash())
          .orElseThrow(() -> JsonRpcException.serverError("unknown block"));
      out.addAll(matchingLogs(block, chain.receipts(block.header().hash()), filter));
      return out;
    }
    long head = chain.head().number();
    long from = number(filter.fromBlock(), head);
    long to = Math.min(number(filter.toBlock(), head), head);
    checkBlockOrder(filter);
    if (to >= from && to - from + 1 > maxBlockRange) {
      throw new JsonRpcException(JsonRpcException.LIMIT_EXCEEDED, "query exceeds max block range " + maxBlockRange);
    }
    Predicate<byte[]> bloomTest = filter.bloomTest();
    for (long n = from; n <= to; n++) {
      BlockHeader header = chain.headerByNumber(n).orElse(null);
      if (header == null || !bloomTest.test(header.logsBloom())) {
        continue;
      }
      Block block = chain.blockByNumber(n).orElse(null);
      if (block == null) {
        continue;
      }
      out.addAll(matchingLogs(block, chain.receipts(header.hash()), filter));
      if (out.size() > MAX_LOGS) {
        throw new JsonRpcException(JsonRpcException.LIMIT_EXCEEDED,
            "query returned more than " + MAX_LOGS + " results");
      }
    }
    return out;
  }

  /**
   * Refuses a range whose ends are both numbers and reversed.
   *
   * @throws JsonRpcException -32000 "invalid block range params: fromBlock is after toBlock"
   */
  static void checkBlockOrder(LogFilter filter) {
    if (filter.fromBlock() instanceof BlockParameter.Number from && filter.toBlock() instanceof BlockParameter.Number to
        && from.number() > to.number()) {
      throw JsonRpcException.serverError("invalid block range params: fromBlock is after toBlock");
    }
  }

  /** The block number a range end names; past-the-head numbers stay as given. */
  private long number(BlockParameter p, long head) {
    if (p instanceof BlockParameter.Number n) {
      return n.number();
    }
    return blocks.header(p).map(BlockHeader::number).orElse(head);
  }

  /** The {@code Log} objects of {@code block} that pass {@code filter}, in block order. */
  public static List<ObjectNode> matchingLogs(Block block, List<Receipt> receipts, LogFilter filter) {
    List<ObjectNode> out = new ArrayList<>();
    BlockHeader h = block.header();
    byte[] blockHash = h.hash();
    int logIndex = 0;
    for (int i = 0; i < receipts.size() && i < block.transactions().size(); i++) {
      byte[] txHash = null;
      for (Log log : receipts.get(i).logs()) {
        if (filter.matches(log)) {
          if (txHash == null) {
            txHash = TransactionHasher.hash(block.transactions().get(i));
          }
          out.add(ReceiptJson.log(log, new ReceiptJson.LogContext(blockHash, h.number(), h.timestamp(), txHash, i, logIndex)));
        }
        logIndex++;
      }
    }
    return out;
  }
}
