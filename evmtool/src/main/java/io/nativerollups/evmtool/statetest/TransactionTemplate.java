package io.nativerollups.evmtool.statetest;

import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/**
 * The {@code transaction} of a state test: fixed fields plus the {@code data}, {@code gasLimit}
 * and {@code value} arrays that a post entry's indexes pick from. Numbers are kept as read, since
 * some fixtures deliberately carry values too large for their field; {@link #build} rejects those.
 *
 * @param accessLists per data index; null when the fixture has none, an element null when that
 *     data index has none
 */
public record TransactionTemplate(
    BigInteger nonce,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerBlobGas,
    Address to,
    List<byte[]> data,
    List<BigInteger> gasLimits,
    List<BigInteger> values,
    List<List<AccessListEntry>> accessLists,
    List<byte[]> blobVersionedHashes,
    List<AuthorizationTemplate> authorizationList,
    Address sender) {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  /** An EIP-7702 authorization as the fixture lists it. */
  public record AuthorizationTemplate(
      BigInteger chainId, Address address, BigInteger nonce, BigInteger yParity, BigInteger r, BigInteger s) {}

  /**
   * The transaction for one index combination. Its type follows from the fields present, as the
   * fixture fillers decide it: an authorization list makes a set-code transaction, blob hashes a
   * blob transaction, fee caps an EIP-1559 one, an access list an EIP-2930 one, else legacy.
   *
   * @throws IllegalArgumentException when a value does not fit its field (such a transaction
   *     cannot exist on chain, so the runner treats it as invalid)
   * @throws IndexOutOfBoundsException when an index is outside its array
   */
  public Transaction build(int dataIndex, int gasIndex, int valueIndex, long chainId) {
    List<AccessListEntry> accessList = accessLists == null ? null : accessLists.get(dataIndex);
    TransactionType type;
    if (authorizationList != null) {
      type = TransactionType.SET_CODE;
    } else if (blobVersionedHashes != null) {
      type = TransactionType.BLOB;
    } else if (maxFeePerGas != null) {
      type = TransactionType.EIP1559;
    } else if (accessList != null) {
      type = TransactionType.ACCESS_LIST;
    } else {
      type = TransactionType.LEGACY;
    }
    Transaction.Builder b = Transaction.builder(type)
        .nonce(toUnsignedLong(nonce, "nonce"))
        .gasLimit(toUnsignedLong(gasLimits.get(gasIndex), "gasLimit"))
        .value(toUInt256(values.get(valueIndex), "value"))
        .data(data.get(dataIndex))
        .to(to)
        .sender(sender);
    if (type != TransactionType.LEGACY) {
      b.chainId(UInt256.of(0, 0, 0, chainId)).accessList(accessList == null ? List.of() : accessList);
    }
    if (maxFeePerGas != null) {
      b.maxFeePerGas(toUInt256(maxFeePerGas, "maxFeePerGas"))
          .maxPriorityFeePerGas(toUInt256(required(maxPriorityFeePerGas, "maxPriorityFeePerGas"), "maxPriorityFeePerGas"));
    } else {
      b.gasPrice(toUInt256(required(gasPrice, "gasPrice"), "gasPrice"));
    }
    if (type == TransactionType.BLOB) {
      b.blobVersionedHashes(blobVersionedHashes)
          .maxFeePerBlobGas(toUInt256(required(maxFeePerBlobGas, "maxFeePerBlobGas"), "maxFeePerBlobGas"));
    }
    if (type == TransactionType.SET_CODE) {
      b.authorizationList(authorizationList.stream()
          .map(a -> new Authorization(
              toUInt256(a.chainId(), "authorization chainId"),
              a.address(),
              toUnsignedLong(a.nonce(), "authorization nonce"),
              toUInt256(a.yParity(), "authorization yParity"),
              toUInt256(a.r(), "authorization r"),
              toUInt256(a.s(), "authorization s")))
          .toList());
    }
    return b.build();
  }


  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("transaction lacks " + field);
    }
    return value;
  }

  private static long toUnsignedLong(BigInteger v, String field) {
    if (v.compareTo(TWO_64) >= 0) {
      throw new IllegalArgumentException(field + " exceeds 64 bits: 0x" + v.toString(16));
    }
    return v.longValue();
  }

  private static UInt256 toUInt256(BigInteger v, String field) {
    if (v.compareTo(TWO_256) >= 0) {
      throw new IllegalArgumentException(field + " exceeds 256 bits: 0x" + v.toString(16));
    }
    return UInt256.fromBigInteger(v);
  }
}
