package io.nativerollups.evm.precompile;

import java.math.BigInteger;

/** Fixed-width big-endian encodings for building precompile inputs in tests. */
final class TestBytes {
  private TestBytes() {}

  /** {@code v} as a 32-byte word. */
  static byte[] word(BigInteger v) {
    return fixed(v, 32);
  }

  /** The low {@code length} bytes of {@code v}, big-endian, left-padded with zeros. */
  static byte[] fixed(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[length];
    int n = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - n, out, length - n, n);
    return out;
  }
}
