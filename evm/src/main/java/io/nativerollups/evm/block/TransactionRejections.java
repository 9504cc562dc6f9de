package io.nativerollups.evm.block;

import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import java.util.Locale;

/**
 * Names the rule behind a transaction rejection. The transaction decoder, the static
 * {@code TransactionValidator} and the {@code TransactionProcessor} report a reason in words; a
 * block that includes such a transaction is invalid for the matching {@link BlockError}. The
 * phrases matched here are those components' messages (their tests pin them).
 */
public final class TransactionRejections {
  private TransactionRejections() {}

  /** The error for a transaction that cannot be decoded. */
  static BlockError classifyDecodingError(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    // blob and set-code transactions have a mandatory "to": empty is a creation attempt
    if (r.startsWith("type 3 transaction to ") && r.endsWith("got 0")) {
      return BlockError.TYPE_3_TX_CONTRACT_CREATION;
    }
    if (r.startsWith("type 4 transaction to ") && r.endsWith("got 0")) {
      return BlockError.TYPE_4_TX_CONTRACT_CREATION;
    }
    if (r.contains("authorization")) {
      return BlockError.TYPE_4_INVALID_AUTHORIZATION_FORMAT;
    }
    if (r.contains("signature") || r.contains(" v must be") || r.contains("yparity")) {
      return BlockError.INVALID_SIGNATURE_VRS;
    }
    if (r.contains("type byte") || r.contains("transaction type") || r.contains("unknown type")) {
      return BlockError.TYPE_NOT_SUPPORTED;
    }
    if (r.contains("sidecar") || r.contains("blobs")) {
      return BlockError.TYPE_3_TX_WITH_FULL_BLOBS;
    }
    return BlockError.RLP_STRUCTURES_ENCODING;
  }

  /**
   * The error for a transaction that the validator or processor rejects.
   *
   * @param accountNonce the sender's nonce in the state the transaction was checked against
   * @param intrinsicGas the transaction's intrinsic gas: a gas limit at or above it that still
   *     fails falls short of the EIP-7623 floor
   */
  public static BlockError classifyRejection(String reason, Transaction tx, long accountNonce, long intrinsicGas) {
    String r = reason.toLowerCase(Locale.ROOT);
    boolean setCode = tx.type() == TransactionType.SET_CODE;
    if (r.contains("not supported")) {
      return setCode ? BlockError.TYPE_4_TX_PRE_FORK : BlockError.TYPE_NOT_SUPPORTED;
    }
    if (r.contains("chain id")) {
      return BlockError.INVALID_CHAINID;
    }
    if (r.contains("2^64-1") || r.contains("eip-2681")) {
      return BlockError.NONCE_IS_MAX;
    }
    if (r.contains("does not match account nonce")) {
      return Long.compareUnsigned(tx.nonce(), accountNonce) < 0
          ? BlockError.NONCE_MISMATCH_TOO_LOW
          : BlockError.NONCE_MISMATCH_TOO_HIGH;
    }
    if (r.contains("priority fee")) {
      return BlockError.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS;
    }
    if (r.contains("times max fee")) {
      return BlockError.GASLIMIT_PRICE_PRODUCT_OVERFLOW;
    }
    if (r.contains("cannot create a contract")) {
      return setCode ? BlockError.TYPE_4_TX_CONTRACT_CREATION : BlockError.TYPE_3_TX_CONTRACT_CREATION;
    }
    if (r.contains("init code") || r.contains("initcode")) {
      return BlockError.INITCODE_SIZE_EXCEEDED;
    }
    if (r.contains("at least one blob") || r.contains("without blobs")) {
      return BlockError.TYPE_3_TX_ZERO_BLOBS;
    }
    if (r.contains("blobs, more than") || r.contains("too many blobs")) {
      return BlockError.TYPE_3_TX_BLOB_COUNT_EXCEEDED;
    }
    if (r.contains("versioned hash")) {
      return BlockError.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH;
    }
    if (r.contains("authorization")) {
      return BlockError.TYPE_4_EMPTY_AUTHORIZATION_LIST;
    }
    if (r.contains("transaction cap")) {
      return BlockError.GAS_LIMIT_EXCEEDS_MAXIMUM;
    }
    if (r.contains("intrinsic gas") || r.contains("floor")) {
      return Long.compareUnsigned(tx.gasLimit(), intrinsicGas) < 0
          ? BlockError.INTRINSIC_GAS_TOO_LOW
          : BlockError.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST;
    }
    if (r.contains("blob gas")) {
      return BlockError.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS;
    }
    if (r.contains("base fee")) {
      return BlockError.INSUFFICIENT_MAX_FEE_PER_GAS;
    }
    if (r.contains("has code")) {
      return BlockError.SENDER_NOT_EOA;
    }
    if (r.contains("insufficient balance")) {
      return BlockError.INSUFFICIENT_ACCOUNT_FUNDS;
    }
    if (r.contains("block gas limit")) {
      return BlockError.GAS_ALLOWANCE_EXCEEDED;
    }
    if (r.contains("sender")) {
      return BlockError.INVALID_SIGNATURE_VRS;
    }
    return BlockError.INVALID_TRANSACTION;
  }
}
