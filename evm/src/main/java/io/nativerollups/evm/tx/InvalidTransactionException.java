package io.nativerollups.evm.tx;

/**
 * A transaction that cannot be decoded or is not valid under a fork's static rules. The message
 * names the field or rule that failed.
 */
public class InvalidTransactionException extends RuntimeException {
  public InvalidTransactionException(String message) {
    super(message);
  }

  public InvalidTransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
