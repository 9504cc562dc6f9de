package io.nativerollups.evm.block;

/**
 * The rule an invalid block breaks. Names follow execution-spec-tests' {@code BlockException} and
 * {@code TransactionException} so that a rejection can be compared with a fixture's
 * {@code expectException}; see {@link #fixtureName()}. Where ethereum/tests name the same rule
 * differently, the other name is an alias ({@link #answersTo}).
 */
public enum BlockError {
  // header against parent and constants
  UNKNOWN_PARENT(Kind.BLOCK),
  /** The parent hash is zero: no block has it. */
  UNKNOWN_PARENT_ZERO(Kind.BLOCK, "BlockException.UNKNOWN_PARENT"),
  INVALID_BLOCK_NUMBER(Kind.BLOCK),
  INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT(Kind.BLOCK),
  INVALID_GASLIMIT(Kind.BLOCK),
  GASLIMIT_TOO_BIG(Kind.BLOCK),
  INVALID_GAS_USED_ABOVE_LIMIT(Kind.BLOCK, "BlockException.GAS_USED_OVERFLOW"),
  INVALID_BASEFEE_PER_GAS(Kind.BLOCK),
  EXTRA_DATA_TOO_BIG(Kind.BLOCK),
  IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS(Kind.BLOCK),
  /** A non-empty ommers hash or ommers list after the merge. */
  IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS(Kind.BLOCK, "BlockException.INVALID_UNCLES_HASH"),
  INCORRECT_EXCESS_BLOB_GAS(Kind.BLOCK),
  /** Fields of another fork, or a field with a value its fork forbids (a non-zero nonce). */
  INCORRECT_BLOCK_FORMAT(Kind.BLOCK),
  // encoding and body against header
  RLP_STRUCTURES_ENCODING(Kind.BLOCK),
  /** A 64-bit field (number, gas, timestamp, withdrawal index or amount) of more than 8 bytes. */
  RLP_INVALID_FIELD_OVERFLOW_64(Kind.BLOCK, "BlockException.RLP_STRUCTURES_ENCODING"),
  /** An address field (coinbase, withdrawal address) that is not 20 bytes. */
  RLP_INVALID_ADDRESS(Kind.BLOCK, "BlockException.RLP_STRUCTURES_ENCODING"),
  /** A block of a fork with withdrawals whose encoding has no withdrawals list. */
  RLP_WITHDRAWALS_NOT_READ(Kind.BLOCK, "BlockException.RLP_STRUCTURES_ENCODING"),
  RLP_BLOCK_LIMIT_EXCEEDED(Kind.BLOCK),
  INVALID_TRANSACTIONS_ROOT(Kind.BLOCK),
  INVALID_WITHDRAWALS_ROOT(Kind.BLOCK),
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
  GAS_ALLOWANCE_EXCEEDED(Kind.TRANSACTION, "BlockException.GAS_USED_OVERFLOW"),
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
  private final String[] aliases;

  BlockError(Kind kind, String... aliases) {
    this.kind = kind;
    this.aliases = aliases;
  }

  public Kind kind() {
    return kind;
  }

  /** The name execution-spec-tests fixtures use, e.g. {@code BlockException.INVALID_STATE_ROOT}. */
  public String fixtureName() {
    return kind.prefix + "." + name();
  }

  /**
   * Whether a fixture naming {@code fixtureException} means this rule: its own name, or the
   * name ethereum/tests give the same rule (e.g. {@code BlockException.GAS_USED_OVERFLOW} for a
   * transaction whose gas limit exceeds the block's remaining gas).
   */
  public boolean answersTo(String fixtureException) {
    if (fixtureException.equals(fixtureName())) {
      return true;
    }
    for (String alias : aliases) {
      if (alias.equals(fixtureException)) {
        return true;
      }
    }
    return false;
  }
}
