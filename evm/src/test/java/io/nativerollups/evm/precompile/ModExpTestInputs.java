package io.nativerollups.evm.precompile;

import static io.nativerollups.evm.precompile.TestBytes.fixed;
import static io.nativerollups.evm.precompile.TestBytes.word;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Random;

/** Builds MODEXP inputs for the tests of both pricings. */
final class ModExpTestInputs {
  private ModExpTestInputs() {}

  /** The three length words followed by {@code data}. */
  static byte[] input(BigInteger baseLength, BigInteger expLength, BigInteger modLength, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(word(baseLength));
    out.writeBytes(word(expLength));
    out.writeBytes(word(modLength));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] input(long baseLength, long expLength, long modLength, byte[] data) {
    return input(
        BigInteger.valueOf(baseLength), BigInteger.valueOf(expLength), BigInteger.valueOf(modLength), data);
  }

  /** A full input with the operands encoded in exactly the given lengths. */
  static byte[] input(BigInteger base, int baseLength, BigInteger exp, int expLength, BigInteger mod, int modLength) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(fixed(base, baseLength));
    data.writeBytes(fixed(exp, expLength));
    data.writeBytes(fixed(mod, modLength));
    return input(baseLength, expLength, modLength, data.toByteArray());
  }

  /**
   * The shape of the "nagydani" vectors that EIP-2565 and EIP-7883 price: base and modulus of
   * {@code size} bytes (arbitrary non-zero contents) and the exponent {@code exponent}.
   */
  static byte[] nagydani(int size, BigInteger exponent, int expLength) {
    Random random = new Random(size);
    BigInteger base = new BigInteger(8 * size - 1, random);
    BigInteger mod = new BigInteger(8 * size - 1, random).setBit(8 * size - 1);
    return input(base, size, exponent, expLength, mod, size);
  }
}
