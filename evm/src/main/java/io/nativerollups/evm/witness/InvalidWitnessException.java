package io.nativerollups.evm.witness;

/**
 * An execution witness that cannot be used: its encoding is malformed or too large, or it lacks a
 * trie node, a code or a header that executing the block needs.
 */
public final class InvalidWitnessException extends Exception {
  /** @param message what is wrong with the witness */
  public InvalidWitnessException(String message) {
    super(message);
  }

  /** @param message what is wrong with the witness */
  public InvalidWitnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
