package io.nativerollups.node.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/**
 * The execution-apis {@code TransactionInfo} object: the signed transaction's fields for its type
 * plus where it was included ({@code blockHash}, {@code blockNumber}, {@code blockTimestamp},
 * {@code transactionIndex}; null while pending). {@code gasPrice} of an EIP-1559-style
 * transaction is the effective price paid when included, its fee cap while pending.
 */
public final class TransactionJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TransactionJson() {}

  /** Where a transaction was included; {@code baseFee} null before London. */
  public record Inclusion(byte[] blockHash, long blockNumber, long blockTimestamp, int index, UInt256 baseFee) {}

  /** A transaction of a block. */
  public static ObjectNode included(Transaction tx, Inclusion at) {
    ObjectNode o = fields(tx, Fees.effectiveGasPrice(tx, at.baseFee()));
    o.put("blockHash", Hex.data(at.blockHash()));
    o.put("blockNumber", Hex.quantity(at.blockNumber()));
    o.put("blockTimestamp", Hex.quantity(at.blockTimestamp()));
    o.put("transactionIndex", Hex.quantity(at.index()));
    return o;
  }

  /** A transaction of the pool, not yet in a block. */
  public static ObjectNode pending(Transaction tx) {
    ObjectNode o = fields(tx, tx.maxFeePerGas());
    o.putNull("blockHash");
    o.putNull("blockNumber");
    o.putNull("blockTimestamp");
    o.putNull("transactionIndex");
    return o;
  }

  /**
   * How a pending-transaction filter or subscription reports a transaction the pool accepted: its
   * hash, or the whole {@link #pending} object when {@code full} (geth's {@code fullTx}).
   */
  public static JsonNode pendingNotice(Transaction tx, boolean full) {
    return full ? pending(tx) : TextNode.valueOf(Hex.data(TransactionHasher.hash(tx)));
  }

  private static ObjectNode fields(Transaction tx, UInt256 gasPrice) {
    ObjectNode o = JSON.objectNode();
    TransactionType type = tx.type();
    o.put("type", Hex.quantity(type.typeByte()));
    o.put("hash", Hex.data(TransactionHasher.hash(tx)));
    o.put("from", tx.sender() == null ? null : tx.sender().toHexString());
    o.put("nonce", Hex.quantity(tx.nonce()));
    if (tx.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", tx.to().toHexString());
    }
    o.put("gas", Hex.quantity(tx.gasLimit()));
    o.put("value", Hex.quantity(tx.value()));
    o.put("input", Hex.data(tx.data()));
    o.put("gasPrice", Hex.quantity(gasPrice));
    if (type != TransactionType.LEGACY && type != TransactionType.ACCESS_LIST) {
      o.put("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()));
      o.put("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()));
    }
    if (type == TransactionType.BLOB) {
      o.put("maxFeePerBlobGas", Hex.quantity(tx.maxFeePerBlobGas()));
      ArrayNode hashes = o.putArray("blobVersionedHashes");
      tx.blobVersionedHashes().forEach(h -> hashes.add(Hex.data(h)));
    }
    if (type != TransactionType.LEGACY) {
      o.set("accessList", accessList(tx.accessList()));
    }
    if (type == TransactionType.SET_CODE) {
      ArrayNode auths = o.putArray("authorizationList");
      for (Authorization a : tx.authorizationList()) {
        ObjectNode j = auths.addObject();
        j.put("chainId", Hex.quantity(a.chainId()));
        j.put("nonce", Hex.quantity(a.nonce()));
        j.put("address", a.address().toHexString());
        j.put("yParity", Hex.quantity(a.yParity()));
        j.put("r", Hex.quantity(a.r()));
        j.put("s", Hex.quantity(a.s()));
      }
    }
    if (tx.chainId() != null) {
      o.put("chainId", Hex.quantity(tx.chainId()));
    }
    if (tx.v() != null) {
      o.put("v", Hex.quantity(tx.v()));
      if (type != TransactionType.LEGACY) {
        o.put("yParity", Hex.quantity(tx.v()));
      }
      o.put("r", Hex.quantity(tx.r()));
      o.put("s", Hex.quantity(tx.s()));
    }
    return o;
  }

  /** An EIP-2930 access list: {@code [{address, storageKeys: [32-byte keys]}]}. */
  public static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = JSON.arrayNode();
    for (AccessListEntry e : entries) {
      ObjectNode j = list.addObject();
      j.put("address", e.address().toHexString());
      ArrayNode keys = j.putArray("storageKeys");
      e.storageKeys().forEach(k -> keys.add(k.toPaddedHexString()));
    }
    return list;
  }
}
