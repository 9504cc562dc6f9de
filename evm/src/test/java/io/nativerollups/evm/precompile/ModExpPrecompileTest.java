package io.nativerollups.evm.precompile;

import static io.nativerollups.evm.precompile.TestBytes.fixed;
import static io.nativerollups.evm.precompile.ModExpTestInputs.input;
import static io.nativerollups.evm.precompile.ModExpTestInputs.assertNagydaniPrices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MODEXP as Cancun and Prague price it: EIP-198 semantics, EIP-2565 gas. */
class ModExpPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final ModExpPrecompile MODEXP = new ModExpPrecompile();
  private static final BigInteger SECP256K1_P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  private static final BigInteger TWO_256_MINUS_1 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  @Test
  void eip198FermatExampleGivesOne() {
    // 3^(p-1) mod p = 1 for the prime p, as in EIP-198's first example.
    byte[] in = HEX.parseHex(
        "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "03"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertArrayEquals(fixed(BigInteger.ONE, 32), MODEXP.compute(in));
    // complexity ceil(32/8)^2 = 16, iterations 255: 16 * 255 / 3
    assertEquals(1360, MODEXP.gasRequirement(in));
  }

  @Test
  void eip198ZeroLengthBaseGivesZero() {
    // EIP-198's second example: a base of length 0 is 0, and 0^(p-1) mod p = 0.
    byte[] in = HEX.parseHex(
        "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertArrayEquals(new byte[32], MODEXP.compute(in));
  }

  @Test
  void eip2565PricesNagydaniVectorsAsSpecified() {
    // EIP-2565's table: base and modulus of 64, 128, 256, 512 and 1024 bytes.
    long[][] expected = {
      {200, 200, 341}, {200, 200, 1365}, {341, 341, 5461}, {1365, 1365, 21845}, {5461, 5461, 87381}
    };
    assertNagydaniPrices(MODEXP, expected);
  }

  @Test
  void computesSmallPowersIntoModulusLengthBytes() {
    // 2^10 mod 1000 = 24, in a 2-byte modulus.
    byte[] in = input(BigInteger.TWO, 1, BigInteger.TEN, 1, BigInteger.valueOf(1000), 2);
    assertArrayEquals(HEX.parseHex("0018"), MODEXP.compute(in));
    assertEquals(200, MODEXP.gasRequirement(in));
  }

  @Test
  void resultIsLeftPaddedToModulusLength() {
    byte[] in = input(BigInteger.valueOf(3), 1, BigInteger.ONE, 1, BigInteger.valueOf(7), 40);
    assertArrayEquals(fixed(BigInteger.valueOf(3), 40), MODEXP.compute(in));
  }

  @Test
  void productOfPowersMatchesPowerOfSum() {
    Random random = new Random(1);
    BigInteger mod = new BigInteger(2048, random).setBit(2047);
    BigInteger base = new BigInteger(2048, random);
    BigInteger e1 = new BigInteger(300, random);
    BigInteger e2 = new BigInteger(300, random);
    BigInteger p1 = new BigInteger(1, MODEXP.compute(input(base, 256, e1, 40, mod, 256)));
    BigInteger p2 = new BigInteger(1, MODEXP.compute(input(base, 256, e2, 40, mod, 256)));
    BigInteger sum = new BigInteger(1, MODEXP.compute(input(base, 256, e1.add(e2), 40, mod, 256)));
    assertEquals(sum, p1.multiply(p2).mod(mod));
  }

  @Test
  void zeroExponentGivesOneExceptModuloOne() {
    assertArrayEquals(
        HEX.parseHex("01"),
        MODEXP.compute(input(BigInteger.ZERO, 1, BigInteger.ZERO, 1, BigInteger.valueOf(5), 1)));
    assertArrayEquals(
        HEX.parseHex("00"),
        MODEXP.compute(input(BigInteger.TWO, 1, BigInteger.ZERO, 1, BigInteger.ONE, 1)));
  }

  @Test
  void zeroModulusGivesZeros() {
    byte[] in = input(BigInteger.TWO, 1, BigInteger.TWO, 1, BigInteger.ZERO, 3);
    assertArrayEquals(new byte[3], MODEXP.compute(in));
  }

  @Test
  void zeroModulusLengthGivesEmptyOutput() {
    byte[] in = input(1, 1, 0, HEX.parseHex("0203"));
    assertArrayEquals(new byte[0], MODEXP.compute(in));
    assertEquals(200, MODEXP.gasRequirement(in));
  }

  @Test
  void missingBytesReadAsZero() {
    // The modulus claims 2 bytes but only 0x01 is present: it reads as 0x0100 = 256; 3^5 = 243.
    byte[] in = input(1, 1, 2, HEX.parseHex("030501"));
    assertArrayEquals(HEX.parseHex("00f3"), MODEXP.compute(in));
    // A header alone (and an empty input) is all zeros.
    assertArrayEquals(new byte[0], MODEXP.compute(new byte[0]));
    assertEquals(200, MODEXP.gasRequirement(new byte[0]));
    assertArrayEquals(new byte[0], MODEXP.compute(HEX.parseHex("00")));
  }

  @Test
  void shortHeaderIsZeroPadded() {
    // Only the first length word and half of the second: lengths (1, 0, 0).
    byte[] in = HEX.parseHex("0000000000000000000000000000000000000000000000000000000000000001" + "0000");
    assertArrayEquals(new byte[0], MODEXP.compute(in));
    assertEquals(200, MODEXP.gasRequirement(in));
  }

  @Test
  void longExponentPricesItsHeadAndLength() {
    // 64-byte exponent whose first 32 bytes are 2^248: 8 * (64 - 32) + 248 = 504 iterations;
    // 32-byte operands: complexity 16; 16 * 504 / 3 = 2688.
    BigInteger exponent = BigInteger.ONE.shiftLeft(248 + 256).add(BigInteger.valueOf(12345));
    byte[] in = input(BigInteger.TWO, 32, exponent, 64, SECP256K1_P, 32);
    assertEquals(2688, MODEXP.gasRequirement(in));
    // A zero head adds nothing: 8 * (64 - 32) = 256 iterations -> 16 * 256 / 3 = 1365.
    byte[] zeroHead = input(BigInteger.TWO, 32, BigInteger.valueOf(12345), 64, SECP256K1_P, 32);
    assertEquals(1365, MODEXP.gasRequirement(zeroHead));
    assertArrayEquals(
        fixed(BigInteger.TWO.modPow(BigInteger.valueOf(12345), SECP256K1_P), 32), MODEXP.compute(zeroHead));
  }

  @Test
  void exponentHeadPastTheInputCountsAsZero() {
    // baseLength pushes the exponent past the end of the input.
    byte[] in = input(BigInteger.valueOf(1_000_000), BigInteger.valueOf(64), BigInteger.ZERO, new byte[0]);
    // complexity ceil(1e6 / 8)^2 = 125000^2, iterations 8 * 32: / 3
    long expected = BigInteger.valueOf(125_000).pow(2).multiply(BigInteger.valueOf(256)).divide(BigInteger.valueOf(3)).longValueExact();
    assertEquals(expected, MODEXP.gasRequirement(in));
  }

  @Test
  void hugeBaseOrModulusLengthPricesAtLongMax() {
    byte[] hugeBase = input(TWO_256_MINUS_1, BigInteger.ONE, BigInteger.ONE, new byte[0]);
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(hugeBase));
    byte[] hugeModulus = input(BigInteger.ONE, BigInteger.ONE, TWO_256_MINUS_1, new byte[0]);
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(hugeModulus));
    assertNull(MODEXP.compute(hugeModulus));
    byte[] justOver = input(BigInteger.ONE.shiftLeft(40), BigInteger.ONE, BigInteger.ONE, new byte[0]);
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(justOver));
  }

  @Test
  void hugeExponentLengthWithModulusPricesAtLongMaxAndIsNotComputed() {
    byte[] in = input(BigInteger.ONE, TWO_256_MINUS_1, BigInteger.ONE, HEX.parseHex("02"));
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(in));
    assertNull(MODEXP.compute(in));
    byte[] twoTo64 = input(BigInteger.ONE, BigInteger.ONE.shiftLeft(64), BigInteger.ONE, HEX.parseHex("02"));
    assertEquals(Long.MAX_VALUE, MODEXP.gasRequirement(twoTo64));
  }

  @Test
  void hugeLengthsWithoutModulusCostTheMinimumAndReturnEmpty() {
    // Base and modulus empty: complexity 0, so even a 2^256-1 byte exponent costs 200 and yields
    // the empty output without reading (or allocating) anything.
    byte[] in = input(BigInteger.ZERO, TWO_256_MINUS_1, BigInteger.ZERO, new byte[0]);
    assertEquals(200, MODEXP.gasRequirement(in));
    assertArrayEquals(new byte[0], MODEXP.compute(in));
  }

  @Test
  void acceptsOperandsLongerThan1024BytesBeforeOsaka() {
    byte[] in = input(BigInteger.TWO, 1025, BigInteger.TWO, 1, BigInteger.TEN, 1);
    assertArrayEquals(HEX.parseHex("04"), MODEXP.compute(in));
  }

  @Test
  void doesNotModifyInput() {
    byte[] in = input(BigInteger.TWO, 1, BigInteger.TEN, 1, BigInteger.valueOf(1000), 2);
    byte[] copy = in.clone();
    MODEXP.compute(in);
    MODEXP.gasRequirement(in);
    assertArrayEquals(copy, in);
  }
}
