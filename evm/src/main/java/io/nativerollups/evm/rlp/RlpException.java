package io.nativerollups.evm.rlp;

/** Malformed or non-canonical RLP, or an RLP item that does not have the shape the caller requires. */
public class RlpException extends RuntimeException {
  /** @param message what is wrong, including the byte offset where it was found */
  public RlpException(String message) {
    super(message);
  }
}
