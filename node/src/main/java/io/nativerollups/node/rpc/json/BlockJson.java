package io.nativerollups.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import java.util.List;

/**
 * The execution-apis {@code Block} object, and the header alone as {@code eth_subscribe("newHeads")}
 * sends it. Fields a fork added appear only when the header carries them.
 */
public final class BlockJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BlockJson() {}

  /** The header's fields and its hash. */
  public static ObjectNode header(BlockHeader h) {
    ObjectNode o = JSON.objectNode();
    o.put("hash", Hex.data(h.hash()));
    o.put("parentHash", Hex.data(h.parentHash()));
    o.put("sha3Uncles", Hex.data(h.ommersHash()));
    o.put("miner", h.coinbase().toHexString());
    o.put("stateRoot", Hex.data(h.stateRoot()));
    o.put("transactionsRoot", Hex.data(h.transactionsRoot()));
    o.put("receiptsRoot", Hex.data(h.receiptsRoot()));
    o.put("logsBloom", Hex.data(h.logsBloom()));
    o.put("difficulty", Hex.quantity(h.difficulty()));
    o.put("number", Hex.quantity(h.number()));
    o.put("gasLimit", Hex.quantity(h.gasLimit()));
    o.put("gasUsed", Hex.quantity(h.gasUsed()));
    o.put("timestamp", Hex.quantity(h.timestamp()));
    o.put("extraData", Hex.data(h.extraData()));
    o.put("mixHash", Hex.data(h.mixHash()));
    o.put("nonce", Hex.data(h.nonce()));
    if (h.baseFeePerGas() != null) {
      o.put("baseFeePerGas", Hex.quantity(h.baseFeePerGas()));
    }
    if (h.withdrawalsRoot() != null) {
      o.put("withdrawalsRoot", Hex.data(h.withdrawalsRoot()));
    }
    if (h.blobGasUsed() != null) {
      o.put("blobGasUsed", Hex.quantity(h.blobGasUsed()));
    }
    if (h.excessBlobGas() != null) {
      o.put("excessBlobGas", Hex.quantity(h.excessBlobGas()));
    }
    if (h.parentBeaconBlockRoot() != null) {
      o.put("parentBeaconBlockRoot", Hex.data(h.parentBeaconBlockRoot()));
    }
    if (h.requestsHash() != null) {
      o.put("requestsHash", Hex.data(h.requestsHash()));
    }
    return o;
  }

  /**
   * The block object.
   *
   * @param fullTransactions whole transaction objects when true, their hashes otherwise
   */
  public static ObjectNode block(Block block, boolean fullTransactions) {
    BlockHeader h = block.header();
    ObjectNode o = header(h);
    o.put("size", Hex.quantity(block.encodedSize()));
    ArrayNode txs = o.putArray("transactions");
    byte[] hash = h.hash();
    List<Transaction> transactions = block.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      if (fullTransactions) {
        txs.add(TransactionJson.included(tx,
            new TransactionJson.Inclusion(hash, h.number(), h.timestamp(), i, h.baseFeePerGas())));
      } else {
        txs.add(Hex.data(TransactionHasher.hash(tx)));
      }
    }
    ArrayNode uncles = o.putArray("uncles");
    block.ommers().forEach(u -> uncles.add(Hex.data(u.hash())));
    if (block.withdrawals() != null) {
      o.set("withdrawals", withdrawals(block.withdrawals()));
    }
    return o;
  }

  /** {@code [{index, validatorIndex, address, amount}]}, the amount in gwei. */
  public static ArrayNode withdrawals(List<Withdrawal> withdrawals) {
    ArrayNode list = JSON.arrayNode();
    for (Withdrawal w : withdrawals) {
      ObjectNode j = list.addObject();
      j.put("index", Hex.quantity(w.index()));
      j.put("validatorIndex", Hex.quantity(w.validatorIndex()));
      j.put("address", w.address().toHexString());
      j.put("amount", Hex.quantity(w.amountGwei()));
    }
    return list;
  }
}
