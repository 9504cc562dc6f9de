package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Fees;
import io.nativerollups.node.rpc.json.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fee suggestions and history: eth_gasPrice, eth_maxPriorityFeePerGas, eth_baseFee (the next
 * block's base fee), eth_blobBaseFee and eth_feeHistory.
 *
 * <p>The tip suggestion follows geth's oracle: the 60th percentile of the three lowest effective
 * tips of each of the last 20 blocks, 1 gwei while those blocks hold no transactions, at most 500
 * gwei. eth_gasPrice adds the head's base fee to it.
 */
public final class EthFeeMethods {
  static final UInt256 DEFAULT_TIP = UInt256.valueOf(1_000_000_000L);
  static final UInt256 MAX_TIP = UInt256.valueOf(500_000_000_000L);
  static final int ORACLE_BLOCKS = 20;
  static final int ORACLE_TIPS_PER_BLOCK = 3;
  static final int ORACLE_PERCENTILE = 60;
  /** The most blocks one eth_feeHistory covers, as geth allows. */
  static final int MAX_HISTORY_BLOCKS = 1024;
  static final int MAX_PERCENTILES = 100;

  private final Blockchain chain;
  private final BlockResolver blocks;
  /** The last tip suggested and the head it was computed at (geth keeps it so too): it changes only with the head. */
  private volatile Suggestion lastSuggestion;

  private record Suggestion(byte[] headHash, UInt256 tip) {}

  public EthFeeMethods(Blockchain chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_maxPriorityFeePerGas", RpcMethod.withoutParams(() -> Hex.quantity(suggestedTip())));
    r.registerMethod("eth_gasPrice", RpcMethod.withoutParams(() -> {
      UInt256 baseFee = chain.head().baseFeePerGas();
      return Hex.quantity(baseFee == null ? suggestedTip() : baseFee.add(suggestedTip()));
    }));
    r.registerMethod("eth_baseFee",
        RpcMethod.withoutParams(() -> Hex.quantity(BlockValidator.expectedBaseFee(chain.head()))));
    r.registerMethod("eth_blobBaseFee", RpcMethod.withoutParams(() -> Hex.quantity(blobBaseFee(chain.head()))));
    r.registerMethod("eth_feeHistory", this::feeHistory);
  }

  /**
   * The tip geth's oracle would suggest from the last {@value #ORACLE_BLOCKS} blocks; computed once
   * per head, since wallets ask for it before every transaction and it reads those blocks whole.
   */
  UInt256 suggestedTip() {
    BlockHeader head = chain.head();
    byte[] headHash = head.hash();
    Suggestion last = lastSuggestion;
    if (last != null && Arrays.equals(last.headHash(), headHash)) {
      return last.tip();
    }
    UInt256 tip = suggestedTip(head);
    lastSuggestion = new Suggestion(headHash, tip);
    return tip;
  }

  private UInt256 suggestedTip(BlockHeader head) {
    List<UInt256> tips = new ArrayList<>();
    for (long n = head.number(); n >= 0 && head.number() - n < ORACLE_BLOCKS; n--) {
      Block block = chain.blockByNumber(n).orElse(null);
      if (block == null) {
        break;
      }
      UInt256 baseFee = block.header().baseFeePerGas();
      block.transactions().stream()
          .filter(tx -> !tx.sender().equals(block.header().coinbase()))
          .map(tx -> Fees.effectiveTip(tx, baseFee))
          .sorted()
          .limit(ORACLE_TIPS_PER_BLOCK)
          .forEach(tips::add);
    }
    if (tips.isEmpty()) {
      return DEFAULT_TIP;
    }
    tips.sort(Comparator.naturalOrder());
    UInt256 tip = tips.get((tips.size() - 1) * ORACLE_PERCENTILE / 100);
    return tip.compareTo(MAX_TIP) > 0 ? MAX_TIP : tip;
  }

  private BigInteger blobBaseFee(BlockHeader header) {
    long excess = header.excessBlobGas() == null ? 0 : header.excessBlobGas();
    return chain.config().forkAt(header.timestamp()).blobs().blobBaseFee(excess);
  }

  private Object feeHistory(RpcParams p) {
    p.atMost(3);
    long count = p.required(0, EthFeeMethods::blockCount);
    BlockHeader newest = blocks.stateHeader(p.required(1, BlockParameter::numberOrTag));
    List<Double> percentiles = p.optional(2, EthFeeMethods::percentiles, List.of());
    if (count > MAX_HISTORY_BLOCKS) {
      count = MAX_HISTORY_BLOCKS;
    }
    long oldest = Math.max(0, newest.number() - count + 1);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("oldestBlock", Hex.quantity(oldest));
    ArrayNode baseFees = o.putArray("baseFeePerGas");
    ArrayNode gasUsedRatio = o.putArray("gasUsedRatio");
    ArrayNode blobBaseFees = o.putArray("baseFeePerBlobGas");
    ArrayNode blobGasUsedRatio = o.putArray("blobGasUsedRatio");
    ArrayNode rewards = JsonNodeFactory.instance.arrayNode();
    if (count == 0) {
      return o;
    }
    for (long n = oldest; n <= newest.number(); n++) {
      Block block = chain.blockByNumber(n).orElseThrow(() -> JsonRpcException.serverError("header not found"));
      BlockHeader h = block.header();
      baseFees.add(Hex.quantity(baseFee(h)));
      gasUsedRatio.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      ForkActivation fork = chain.config().forkAt(h.timestamp());
      blobBaseFees.add(Hex.quantity(blobBaseFee(h)));
      long blobGasUsed = h.blobGasUsed() == null ? 0 : h.blobGasUsed();
      blobGasUsedRatio.add(fork.blobs().maxBlobGas() == 0 ? 0.0 : (double) blobGasUsed / fork.blobs().maxBlobGas());
      if (!percentiles.isEmpty()) {
        rewards.add(rewards(block, chain.receipts(h.hash()), percentiles));
      }
    }
    // the block after the newest: its header when stored, otherwise what the rules give it
    BlockHeader next = chain.headerByNumber(newest.number() + 1).orElse(null);
    ForkActivation nextFork = chain.config().forkAt(newest.timestamp());
    baseFees.add(Hex.quantity(next != null ? baseFee(next) : BlockValidator.expectedBaseFee(newest)));
    long nextExcess = next != null && next.excessBlobGas() != null ? next.excessBlobGas()
        : BlockValidator.expectedExcessBlobGas(newest, nextFork);
    blobBaseFees.add(Hex.quantity(nextFork.blobs().blobBaseFee(nextExcess)));
    if (!percentiles.isEmpty()) {
      o.set("reward", rewards);
    }
    return o;
  }

  private static UInt256 baseFee(BlockHeader h) {
    return h.baseFeePerGas() == null ? UInt256.ZERO : h.baseFeePerGas();
  }

  /**
   * The tip at each percentile of the block's gas: transactions sorted by tip, the first whose
   * cumulative gas reaches the percentile of the block's gas used.
   */
  private static ArrayNode rewards(Block block, List<Receipt> receipts, List<Double> percentiles) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<Transaction> txs = block.transactions();
    if (txs.isEmpty() || receipts.size() != txs.size()) {
      percentiles.forEach(pct -> out.add("0x0"));
      return out;
    }
    record TipAndGas(UInt256 tip, long gas) {}
    List<TipAndGas> sorted = new ArrayList<>(txs.size());
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      sorted.add(new TipAndGas(Fees.effectiveTip(txs.get(i), block.header().baseFeePerGas()), cumulative - previous));
      previous = cumulative;
    }
    sorted.sort(Comparator.comparing(TipAndGas::tip));
    int index = 0;
    double cumulativeGas = sorted.get(0).gas();
    double blockGas = block.header().gasUsed();
    for (double pct : percentiles) {
      double threshold = blockGas * pct / 100.0;
      while (cumulativeGas < threshold && index < sorted.size() - 1) {
        index++;
        cumulativeGas += sorted.get(index).gas();
      }
      out.add(Hex.quantity(sorted.get(index).tip()));
    }
    return out;
  }

  /** eth_feeHistory's block count: a QUANTITY, or a plain JSON number as some clients send it. */
  private static long blockCount(JsonNode n) {
    if (n.isIntegralNumber()) {
      if (n.asLong() < 0 || !n.canConvertToLong()) {
        throw new IllegalArgumentException("block count must be a non-negative integer");
      }
      return n.asLong();
    }
    return RpcObject.toLong(n);
  }

  private static List<Double> percentiles(JsonNode n) {
    List<Double> list = RpcObject.toList(n, v -> {
      if (!v.isNumber()) {
        throw new IllegalArgumentException("expected a number, got " + RpcObject.describe(v));
      }
      return v.asDouble();
    });
    if (list.size() > MAX_PERCENTILES) {
      throw new IllegalArgumentException("at most " + MAX_PERCENTILES + " reward percentiles");
    }
    for (int i = 0; i < list.size(); i++) {
      double pct = list.get(i);
      if (pct < 0 || pct > 100) {
        throw new IllegalArgumentException("invalid reward percentile: " + pct);
      }
      if (i > 0 && pct < list.get(i - 1)) {
        throw new IllegalArgumentException("invalid reward percentile: #" + (i - 1) + ":" + list.get(i - 1)
            + " > #" + i + ":" + pct);
      }
    }
    return list;
  }
}
