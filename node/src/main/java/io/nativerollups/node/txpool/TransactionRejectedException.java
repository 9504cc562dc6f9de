package io.nativerollups.node.txpool;

/**
 * A transaction the pool refused, with the JSON-RPC error code and message other clients give
 * (geth's "nonce too low", "replacement transaction underpriced", ...).
 */
public final class TransactionRejectedException extends RuntimeException {
  /** The code geth and Besu return for a rejected transaction. */
  public static final int INVALID_INPUT = -32000;

  private final int code;

  public TransactionRejectedException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** Rejected with {@link #INVALID_INPUT}. */
  public TransactionRejectedException(String message) {
    this(INVALID_INPUT, message);
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }
}
