package io.nativerollups.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution-apis {@code ReceiptInfo} object of each transaction of a block, and the {@code Log}
 * objects in it. A receipt stores only the cumulative gas, so a transaction's own gas is the
 * difference to the previous receipt; log indexes count through the whole block.
 */
public final class ReceiptJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReceiptJson() {}

  /** The receipts of {@code block}, in transaction order. */
  public static List<ObjectNode> ofBlock(Block block, List<Receipt> receipts, ChainConfig config) {
    checkCounts(block, receipts);
    BigInteger blobGasPrice = blobGasPrice(block.header(), config);
    List<ObjectNode> out = new ArrayList<>(receipts.size());
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      out.add(receipt(block, receipts, i, logIndex, blobGasPrice));
      logIndex += receipts.get(i).logs().size();
    }
    return out;
  }

  /**
   * The receipt of transaction {@code index} of {@code block}: only that transaction is hashed,
   * its log indexes continue those of the receipts before it.
   */
  public static ObjectNode of(Block block, List<Receipt> receipts, int index, ChainConfig config) {
    checkCounts(block, receipts);
    int logIndex = 0;
    for (int i = 0; i < index; i++) {
      logIndex += receipts.get(i).logs().size();
    }
    return receipt(block, receipts, index, logIndex, blobGasPrice(block.header(), config));
  }

  private static void checkCounts(Block block, List<Receipt> receipts) {
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalStateException("block " + block.header().number() + " has " + block.transactions().size()
          + " transactions but " + receipts.size() + " receipts");
    }
  }

  private static BigInteger blobGasPrice(BlockHeader h, ChainConfig config) {
    return h.excessBlobGas() == null ? null : config.forkAt(h.timestamp()).blobs().blobBaseFee(h.excessBlobGas());
  }

  private static ObjectNode receipt(Block block, List<Receipt> receipts, int i, int firstLogIndex,
      BigInteger blobGasPrice) {
    BlockHeader h = block.header();
    byte[] blockHash = h.hash();
    Receipt r = receipts.get(i);
    long previousCumulative = i == 0 ? 0 : receipts.get(i - 1).cumulativeGasUsed();
    Transaction tx = block.transactions().get(i);
    byte[] txHash = TransactionHasher.hash(tx);
    ObjectNode o = JSON.objectNode();
    o.put("type", Hex.quantity(tx.type().typeByte()));
    o.put("transactionHash", Hex.data(txHash));
    o.put("transactionIndex", Hex.quantity(i));
    o.put("blockHash", Hex.data(blockHash));
    o.put("blockNumber", Hex.quantity(h.number()));
    o.put("from", tx.sender().toHexString());
    if (tx.to() == null) {
      o.putNull("to");
      o.put("contractAddress", EVM.createAddress(tx.sender(), tx.nonce()).toHexString());
    } else {
      o.put("to", tx.to().toHexString());
      o.putNull("contractAddress");
    }
    o.put("cumulativeGasUsed", Hex.quantity(r.cumulativeGasUsed()));
    o.put("gasUsed", Hex.quantity(r.cumulativeGasUsed() - previousCumulative));
    o.put("effectiveGasPrice", Hex.quantity(Fees.effectiveGasPrice(tx, h.baseFeePerGas())));
    if (tx.type() == TransactionType.BLOB) {
      o.put("blobGasUsed", Hex.quantity(BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size()));
      if (blobGasPrice != null) {
        o.put("blobGasPrice", Hex.quantity(blobGasPrice));
      }
    }
    o.put("status", r.success() ? "0x1" : "0x0");
    o.put("logsBloom", Hex.data(r.logsBloom()));
    ArrayNode logs = o.putArray("logs");
    int logIndex = firstLogIndex;
    for (Log log : r.logs()) {
      logs.add(log(log, new LogContext(blockHash, h.number(), h.timestamp(), txHash, i, logIndex++)));
    }
    return o;
  }

  /** Where a log was emitted. */
  public record LogContext(byte[] blockHash, long blockNumber, long blockTimestamp, byte[] transactionHash,
      int transactionIndex, int logIndex) {}

  /** A {@code Log} object. */
  public static ObjectNode log(Log log, LogContext at) {
    ObjectNode o = JSON.objectNode();
    o.put("address", log.address().toHexString());
    ArrayNode topics = o.putArray("topics");
    log.topics().forEach(t -> topics.add(Hex.data(t)));
    o.put("data", Hex.data(log.data()));
    o.put("blockNumber", Hex.quantity(at.blockNumber()));
    o.put("blockHash", Hex.data(at.blockHash()));
    o.put("blockTimestamp", Hex.quantity(at.blockTimestamp()));
    o.put("transactionHash", Hex.data(at.transactionHash()));
    o.put("transactionIndex", Hex.quantity(at.transactionIndex()));
    o.put("logIndex", Hex.quantity(at.logIndex()));
    o.put("removed", false);
    return o;
  }
}
