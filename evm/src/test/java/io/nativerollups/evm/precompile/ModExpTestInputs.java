package io.nativerollups.evm.precompile;

import static io.nativerollups.evm.precompile.TestBytes.fixed;
import static io.nativerollups.evm.precompile.TestBytes.word;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Random;

/** Builds MODEXP inputs for the tests of both pricings, and checks their price tables. */
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

  static final BigInteger QUBE = BigInteger.valueOf(3);
  static final BigInteger F4 = BigInteger.valueOf(0x10001);

  /**
   * Checks a modexp price table over the nagydani shapes: row i is base and modulus of 64 << i
   * bytes, with exponents 2 (square), 3 (qube) and 0x10001 (three bytes), in that order.
   */
  static void assertNagydaniPrices(PrecompiledContract modexp, long[][] expected) {
    for (int i = 0; i < expected.length; i++) {
      int size = 64 << i;
      assertEquals(expected[i][0], modexp.gasRequirement(nagydani(size, BigInteger.TWO, 1)), size + " square");
      assertEquals(expected[i][1], modexp.gasRequirement(nagydani(size, QUBE, 1)), size + " qube");
      assertEquals(expected[i][2], modexp.gasRequirement(nagydani(size, F4, 3)), size + " pow0x10001");
    }
  }
}
