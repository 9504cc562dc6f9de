package io.nativerollups.evm.block;

/**
 * The rule an invalid block breaks. Names follow execution-spec-tests' {@code BlockException} and
 * {@code TransactionException} so that a rejection can be compared with a fixture's
 * {@code expectException}; see {@link #fixtureName()}.
 */
public enum BlockError {
  // header against parent and constants
  UNKNOWN_PARENT(Kind.BLOCK),
  INVALID_BLOCK_NUMBER(Kind.BLOCK),
  INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT(Kind.BLOCK),
  INVALID_GASLIMIT(Kind.BLOCK),
  GASLIMIT_TOO_BIG(Kind.BLOCK),
  INVALID_GAS_USED_ABOVE_LIMIT(Kind.BLOCK),
  INVALID_BASEFEE_PER_GAS(Kind.BLOCK),
  EXTRA_DATA_TOO_BIG(Kind.BLOCK),
  IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS(Kind.BLOCK),
  INVALID_BLOCK_NONCE(Kind.BLOCK),
  IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS(Kind.BLOCK),
  INCORRECT_EXCESS_BLOB_GAS(Kind.BLOCK),
  INCORRECT_BLOCK_FORMAT(Kind.BLOCK),
  // body against header
  RLP_STRUCTURES_ENCODING(Kind.BLOCK),
  RLP_BLOCK_LIMIT_EXCEEDED(Kind.BLOCK),
  INVALID_TRANSACTIONS_ROOT(Kind.BLOCK),
  INVALID_WITHDRAWALS_ROOT(Kind.BLOCK),
  INVALID_UNCLES_HASH(Kind.BLOCK),
  // execution results against header
  INVALID_GAS_USED(Kind.BLOCK),
  INCORRECT_BLOB_GAS_USED(Kind.BLOCK),
  INVALID_STATE_ROOT(Kind.BLOCK),
  INVALID_RECEIPTS_ROOT(Kind.BLOCK),
  INVALID_LOG_BLOOM(Kind.BLOCK),
  INVALID_REQUESTS(Kind.BLOCK),
  INVALID_DEPOSIT_EVENT_LAYOUT(Kind.BLOCK),
  SYSTEM_CONTRACT_EMPTY(Kind.BLOCK),
  SYSTEM_CONTRACT_CALL_FAILED(Kind.BLOCK),
  // a transaction the block includes cannot be included
  TYPE_NOT_SUPPORTED(Kind.TRANSACTION),
  TYPE_4_TX_PRE_FORK(Kind.TRANSACTION),
  INVALID_SIGNATURE_VRS(Kind.TRANSACTION),
  INVALID_CHAINID(Kind.TRANSACTION),
  NONCE_IS_MAX(Kind.TRANSACTION),
  NONCE_MISMATCH_TOO_LOW(Kind.TRANSACTION),
  NONCE_MISMATCH_TOO_HIGH(Kind.TRANSACTION),
  SENDER_NOT_EOA(Kind.TRANSACTION),
  INSUFFICIENT_ACCOUNT_FUNDS(Kind.TRANSACTION),
  INSUFFICIENT_MAX_FEE_PER_GAS(Kind.TRANSACTION),
  INSUFFICIENT_MAX_FEE_PER_BLOB_GAS(Kind.TRANSACTION),
  PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS(Kind.TRANSACTION),
  GASLIMIT_PRICE_PRODUCT_OVERFLOW(Kind.TRANSACTION),
  INTRINSIC_GAS_TOO_LOW(Kind.TRANSACTION),
  INTRINSIC_GAS_BELOW_FLOOR_GAS_COST(Kind.TRANSACTION),
  INITCODE_SIZE_EXCEEDED(Kind.TRANSACTION),
  GAS_ALLOWANCE_EXCEEDED(Kind.TRANSACTION),
  GAS_LIMIT_EXCEEDS_MAXIMUM(Kind.TRANSACTION),
  TYPE_3_TX_CONTRACT_CREATION(Kind.TRANSACTION),
  TYPE_3_TX_ZERO_BLOBS(Kind.TRANSACTION),
  TYPE_3_TX_BLOB_COUNT_EXCEEDED(Kind.TRANSACTION),
  TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH(Kind.TRANSACTION),
  TYPE_3_TX_WITH_FULL_BLOBS(Kind.TRANSACTION),
  TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED(Kind.TRANSACTION),
  TYPE_4_TX_CONTRACT_CREATION(Kind.TRANSACTION),
  TYPE_4_EMPTY_AUTHORIZATION_LIST(Kind.TRANSACTION),
  TYPE_4_INVALID_AUTHORIZATION_FORMAT(Kind.TRANSACTION),
  /** A transaction rejected for a reason none of the names above describes. */
  INVALID_TRANSACTION(Kind.TRANSACTION);

  /** Whether the block itself or one of its transactions breaks the rule. */
  public enum Kind {
    BLOCK("BlockException"),
    TRANSACTION("TransactionException");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Kind kind;

  BlockError(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The name execution-spec-tests fixtures use, e.g. {@code BlockException.INVALID_STATE_ROOT}. */
  public String fixtureName() {
    return kind.prefix + "." + name();
  }
}
