package io.nativerollups.evm.precompile;

import static io.nativerollups.evm.precompile.TestBytes.fixed;
import static io.nativerollups.evm.precompile.ModExpTestInputs.input;
import static io.nativerollups.evm.precompile.ModExpTestInputs.F4;
import static io.nativerollups.evm.precompile.ModExpTestInputs.QUBE;
import static io.nativerollups.evm.precompile.ModExpTestInputs.assertNagydaniPrices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** MODEXP from Osaka: EIP-7823 length bounds and EIP-7883 pricing. */
class OsakaModExpPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final OsakaModExpPrecompile MODEXP = new OsakaModExpPrecompile();
  private static final BigInteger P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);

  @Test
  void eip7883PricesNagydaniVectorsAsSpecified() {
    long[][] expected = {
      {500, 500, 2048}, {512, 512, 8192}, {2048, 2048, 32768}, {8192, 8192, 131072}, {32768, 32768, 524288}
    };
    assertNagydaniPrices(MODEXP, expected);
  }

  @Test
  void smallOperandsCostAtLeast500() {
    byte[] in = input(BigInteger.TWO, 1, BigInteger.TEN, 1, BigInteger.valueOf(1000), 2);
    assertEquals(500, MODEXP.gasRequirement(in));
    assertArrayEquals(HEX.parseHex("0018"), MODEXP.compute(in));
    assertEquals(500, MODEXP.gasRequirement(new byte[0]));
  }

  @Test
  void fullWordExponentCostsComplexity16PerIteration() {
    // 32-byte operands, 255-bit exponent: 16 * 255 = 4080 (EIP-2565 charged 1360).
    byte[] in = input(BigInteger.valueOf(3), 32, P.subtract(BigInteger.ONE), 32, P, 32);
    assertEquals(4080, MODEXP.gasRequirement(in));
    assertArrayEquals(fixed(BigInteger.ONE, 32), MODEXP.compute(in));
  }

  @Test
  void longExponentCosts16PerExtraByte() {
    // 64-byte exponent with head 2^248: 16 * 32 + 248 = 760 iterations, complexity 16.
    BigInteger exponent = BigInteger.ONE.shiftLeft(248 + 256);
    byte[] in = input(BigInteger.TWO, 32, exponent, 64, P, 32);
    assertEquals(16 * 760, MODEXP.gasRequirement(in));
  }

  @Test
  void operandsAbove32BytesCostTwiceTheSquaredWords() {
    // 33-byte modulus: 5 words -> 2 * 25 = 50; exponent 3 -> 1 iteration; max(500, 50) = 500.
    assertEquals(500, MODEXP.gasRequirement(input(BigInteger.TWO, 1, QUBE, 1, P, 33)));
    // 1024-byte modulus, 0x10001: 2 * 128^2 * 16 = 524288.
    assertEquals(524288, MODEXP.gasRequirement(input(BigInteger.TWO, 1, F4, 3, P, 1024)));
  }

  @Test
  void lengthsUpTo1024AreAccepted() {
    byte[] in = input(BigInteger.TWO, 1024, BigInteger.TWO, 1024, BigInteger.TEN, 1024);
    assertArrayEquals(fixed(BigInteger.valueOf(4), 1024), MODEXP.compute(in));
  }

  @Test
  void eip7823LengthAbove1024FailsTheCall() {
    assertNull(MODEXP.compute(input(BigInteger.TWO, 1025, BigInteger.TWO, 1, BigInteger.TEN, 1)));
    assertNull(MODEXP.compute(input(BigInteger.TWO, 1, BigInteger.TWO, 1025, BigInteger.TEN, 1)));
    assertNull(MODEXP.compute(input(BigInteger.TWO, 1, BigInteger.TWO, 1, BigInteger.TEN, 1025)));
  }

  @Test
  void eip7823AppliesEvenWithoutModulus() {
    // A zero modulus length would give an empty output before Osaka; here the bound fails first.
    assertNull(MODEXP.compute(input(2000, 1, 0, new byte[0])));
    assertNull(MODEXP.compute(input(BigInteger.ZERO, BigInteger.ONE.shiftLeft(255), BigInteger.ZERO, new byte[0])));
  }

  @Test
  void hugeLengthsPriceAtLongMax() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(input(BigInteger.ZERO, max, BigInteger.ZERO, new byte[0])));
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(input(max, BigInteger.ZERO, BigInteger.ZERO, new byte[0])));
  }
}
