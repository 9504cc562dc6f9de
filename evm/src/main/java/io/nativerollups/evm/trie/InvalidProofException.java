package io.nativerollups.evm.trie;

/** A Merkle proof that does not prove anything about the claimed root: missing, malformed or forged nodes. */
public class InvalidProofException extends RuntimeException {
  /** @param message what is wrong with the proof */
  public InvalidProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
