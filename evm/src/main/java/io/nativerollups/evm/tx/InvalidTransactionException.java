package io.nativerollups.evm.tx;

/**
 * A transaction that cannot be decoded or is not valid under a fork's static rules. The message
 * names the field or rule that failed.
 */
public class InvalidTransactionException extends RuntimeException {
  /** @param message what is wrong, naming the field or rule */
  public InvalidTransactionException(String message) {
    super(message);
  }

  /** @param message what is wrong; {@code cause} is the lower-level error (e.g. malformed RLP) */
  public InvalidTransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
