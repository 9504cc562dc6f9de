package io.nativerollups.node.genesis;

/** A genesis file that cannot be read or breaks a rule; the message names the field. */
public final class InvalidGenesisException extends Exception {
  public InvalidGenesisException(String message) {
    super(message);
  }

  public InvalidGenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
