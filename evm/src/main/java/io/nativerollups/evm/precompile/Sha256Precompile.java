package io.nativerollups.evm.precompile;

import io.nativerollups.evm.crypto.Sha256;

/** SHA256 at 0x02: the SHA-256 digest of the input; 60 gas plus 12 per word. */
public final class Sha256Precompile extends WordPricedPrecompile {

  public Sha256Precompile() {
    super(60, 12);
  }

  @Override
  public String name() {
    return "SHA256";
  }

  @Override
  public byte[] compute(byte[] input) {
    return Sha256.hash(input);
  }
}
