package io.nativerollups.evm.state;

import java.util.HexFormat;

/** A backed {@link InMemoryWorldState} needed a contract code that its code store does not hold. */
public class MissingCodeException extends RuntimeException {
  private final byte[] codeHash;

  /** @param codeHash the keccak256 of the code that was needed */
  public MissingCodeException(byte[] codeHash) {
    super("code 0x" + HexFormat.of().formatHex(codeHash) + " is not in the code store");
    this.codeHash = codeHash.clone();
  }

  /** The missing code's hash. */
  public byte[] codeHash() {
    return codeHash.clone();
  }
}
