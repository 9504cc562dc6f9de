package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.rpc.RpcObject;
import java.util.Arrays;
import java.util.List;

/**
 * The execution-apis {@code GenericTransaction} of eth_call, eth_estimateGas,
 * eth_createAccessList and eth_simulateV1: every field optional. The {@code nonce} only matters to
 * eth_simulateV1 with validation (calls run with the sender's account nonce otherwise). {@code input} and its older name {@code data} are
 * both accepted (they must agree when both are given). The transaction type follows from the
 * fields: authorizations make a set-code transaction, blob hashes a blob transaction, a {@code
 * gasPrice} a legacy (or, with an access list, an EIP-2930) one, anything else EIP-1559.
 */
public record CallRequest(
    Address from,
    Long nonce,
    Address to,
    Long gas,
    UInt256 gasPrice,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerBlobGas,
    UInt256 value,
    byte[] input,
    List<AccessListEntry> accessList,
    List<byte[]> blobVersionedHashes,
    List<Authorization> authorizationList) {

  /** Parses the request object; the {@link IllegalArgumentException} names the bad field. */
  public static CallRequest parse(JsonNode node) {
    RpcObject o = new RpcObject(node);
    byte[] input = o.optionalData("input");
    byte[] data = o.optionalData("data");
    if (input != null && data != null && !Arrays.equals(input, data)) {
      throw new IllegalArgumentException("both \"data\" and \"input\" are set and not equal, use \"input\"");
    }
    UInt256 gasPrice = o.optionalUInt256("gasPrice");
    UInt256 maxFee = o.optionalUInt256("maxFeePerGas");
    UInt256 maxPriority = o.optionalUInt256("maxPriorityFeePerGas");
    if (gasPrice != null && (maxFee != null || maxPriority != null)) {
      throw new IllegalArgumentException("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (maxFee != null && maxPriority != null && maxPriority.compareTo(maxFee) > 0) {
      throw new IllegalArgumentException("maxFeePerGas (" + maxFee + ") < maxPriorityFeePerGas (" + maxPriority + ")");
    }
    return new CallRequest(
        o.optionalAddress("from"),
        o.optionalQuantity("nonce"),
        o.optionalAddress("to"),
        o.optionalQuantity("gas"),
        gasPrice,
        maxFee,
        maxPriority,
        o.optionalUInt256("maxFeePerBlobGas"),
        o.optionalUInt256("value"),
        input != null ? input : data,
        o.optionalList("accessList", CallRequest::accessListEntry),
        o.optionalList("blobVersionedHashes", RpcObject::toHash),
        o.optionalList("authorizationList", CallRequest::authorization));
  }

  private static AccessListEntry accessListEntry(JsonNode node) {
    RpcObject o = new RpcObject(node);
    List<UInt256> keys = o.optionalList("storageKeys", k -> UInt256.fromBytes(RpcObject.toHash(k)));
    return new AccessListEntry(o.address("address"), keys == null ? List.of() : keys);
  }

  private static Authorization authorization(JsonNode node) {
    RpcObject o = new RpcObject(node);
    return new Authorization(o.uint256("chainId"), o.address("address"), o.quantity("nonce"),
        o.uint256("yParity"), o.uint256("r"), o.uint256("s"));
  }

  /** Whether the request names any gas price, which makes the call pay (and be checked) as a transaction would. */
  public boolean paysFees() {
    return isPositive(gasPrice) || isPositive(maxFeePerGas) || isPositive(maxPriorityFeePerGas);
  }

  private static boolean isPositive(UInt256 v) {
    return v != null && !v.isZero();
  }

  /** The sender: {@code from}, or the zero address as other clients default. */
  public Address sender() {
    return from == null ? Address.ZERO : from;
  }

  /**
   * The transaction to execute.
   *
   * @param nonce the sender's account nonce (calls are not checked against a given nonce)
   * @param gasLimit the gas to run with
   * @param chainId the chain's id
   */
  public Transaction toTransaction(long nonce, long gasLimit, long chainId) {
    TransactionType type;
    if (authorizationList != null) {
      type = TransactionType.SET_CODE;
    } else if (blobVersionedHashes != null) {
      type = TransactionType.BLOB;
    } else if (gasPrice != null) {
      type = accessList != null ? TransactionType.ACCESS_LIST : TransactionType.LEGACY;
    } else {
      type = TransactionType.EIP1559;
    }
    Transaction.Builder b = Transaction.builder(type)
        .chainId(UInt256.valueOf(chainId))
        .nonce(nonce)
        .gasLimit(gasLimit)
        .to(to)
        .value(value == null ? UInt256.ZERO : value)
        .data(input == null ? new byte[0] : input)
        .accessList(accessList)
        .sender(sender());
    if (type == TransactionType.LEGACY || type == TransactionType.ACCESS_LIST) {
      b.gasPrice(gasPrice);
    } else {
      b.maxFeePerGas(maxFeePerGas == null ? UInt256.ZERO : maxFeePerGas)
          .maxPriorityFeePerGas(maxPriorityFeePerGas == null ? UInt256.ZERO : maxPriorityFeePerGas);
    }
    if (type == TransactionType.BLOB) {
      b.blobVersionedHashes(blobVersionedHashes)
          .maxFeePerBlobGas(maxFeePerBlobGas == null ? UInt256.ZERO : maxFeePerBlobGas);
    }
    if (type == TransactionType.SET_CODE) {
      b.authorizationList(authorizationList);
    }
    return b.build();
  }

  /** The same request with {@code accessList} replaced (eth_createAccessList's iterations). */
  public CallRequest withAccessList(List<AccessListEntry> list) {
    return new CallRequest(from, nonce, to, gas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, maxFeePerBlobGas, value,
        input, list, blobVersionedHashes, authorizationList);
  }
}
