package io.nativerollups.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** RIPEMD160 at 0x03: the 20-byte digest left-padded to 32 bytes; 600 gas plus 120 per word. */
public final class Ripemd160Precompile extends WordPricedPrecompile {

  public Ripemd160Precompile() {
    super(600, 120);
  }

  @Override
  public String name() {
    return "RIPEMD160";
  }

  @Override
  public byte[] compute(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return out;
  }
}
