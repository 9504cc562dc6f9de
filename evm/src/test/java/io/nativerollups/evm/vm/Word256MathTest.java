package io.nativerollups.evm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class Word256MathTest {

  private static final int SAMPLES = 20_000;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger TWO_255 = BigInteger.ONE.shiftLeft(255);
  private static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);
  private static final long[] SPECIAL_LIMBS = {
    0, 1, 2, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL, 0x100000000L, 0x8000000000000001L
  };

  /** An operation on stack slots: operands a, b (and n), result out. */
  private interface BinaryWordOp {
    void apply(long[] s, int a, int b, int out);
  }

  private interface UnaryWordOp {
    void apply(long[] s, int a, int out);
  }

  private interface TernaryWordOp {
    void apply(long[] s, int a, int b, int n, int out);
  }

  private final SplittableRandom random = new SplittableRandom(0x5EED_256L);

  // ---------------------------------------------------------------------------------------------
  // Operand generation aimed at the carries, borrows, normalization and quotient-estimate paths.

  private BigInteger randomWord() {
    switch (random.nextInt(8)) {
      case 0:
        return specialWord();
      case 1:
        return BigInteger.valueOf(random.nextInt(300));
      case 2: // limbs drawn from values at carry boundaries, zero limbs included
        {
          BigInteger v = BigInteger.ZERO;
          for (int i = 0; i < 4; i++) {
            long limb =
                random.nextInt(3) == 0
                    ? random.nextLong()
                    : SPECIAL_LIMBS[random.nextInt(SPECIAL_LIMBS.length)];
            v = v.shiftLeft(64).or(unsigned(limb));
          }
          return v;
        }
      case 3: // random bit length
        return new BigInteger(256, new java.util.Random(random.nextLong()))
            .shiftRight(random.nextInt(257));
      case 4: // powers of two and their neighbours
        {
          BigInteger p = BigInteger.ONE.shiftLeft(random.nextInt(256));
          return p.add(BigInteger.valueOf(random.nextInt(3) - 1)).mod(TWO_256);
        }
      case 5: // negative small values in two's complement
        return TWO_256.subtract(BigInteger.valueOf(1 + random.nextInt(300)));
      default:
        return new BigInteger(256, new java.util.Random(random.nextLong()));
    }
  }

  private BigInteger specialWord() {
    BigInteger[] specials = {
      BigInteger.ZERO,
      BigInteger.ONE,
      BigInteger.TWO,
      TWO_255,
      TWO_255.subtract(BigInteger.ONE),
      MAX,
      MAX.subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(64),
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(128),
      BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
    };
    return specials[random.nextInt(specials.length)];
  }

  /** Divisors near the dividend's size and shape make the quotient estimate need correction. */
  private BigInteger[] divisionOperands() {
    BigInteger a = randomWord();
    BigInteger b;
    switch (random.nextInt(4)) {
      case 0:
        b = a.shiftRight(random.nextInt(256)).add(BigInteger.valueOf(random.nextInt(3) - 1));
        break;
      case 1: // a = b * q + r with a small quotient
        b = randomWord().shiftRight(random.nextInt(64));
        a = b.multiply(BigInteger.valueOf(random.nextInt(1 << 20)))
            .add(b.signum() > 0 ? BigInteger.valueOf(random.nextInt(1 << 20)).mod(b) : BigInteger.ZERO);
        break;
      default:
        b = randomWord();
    }
    return new BigInteger[] {a.mod(TWO_256), b.mod(TWO_256)};
  }

  /** Small values most of the time, as index and shift operands usually are. */
  private BigInteger smallOrRandomWord() {
    return random.nextInt(4) == 0 ? randomWord() : BigInteger.valueOf(random.nextInt(300));
  }

  // ---------------------------------------------------------------------------------------------
  // Reference semantics.

  private static BigInteger unsigned(long limb) {
    return new BigInteger(Long.toUnsignedString(limb));
  }

  private static BigInteger signed(BigInteger v) {
    return v.testBit(255) ? v.subtract(TWO_256) : v;
  }

  private static BigInteger wrap(BigInteger v) {
    return v.mod(TWO_256);
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  private static void put(long[] s, int slot, BigInteger v) {
    for (int i = 0; i < 4; i++) {
      s[4 * slot + i] = v.shiftRight(64 * i).longValue();
    }
  }

  private static BigInteger get(long[] s, int slot) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(unsigned(s[4 * slot + i]));
    }
    return v;
  }

  /** Checks the operation with a separate result slot and with the result over each operand. */
  private static void assertBinary(
      String name, BinaryWordOp op, BinaryOperator<BigInteger> reference, BigInteger a, BigInteger b) {
    BigInteger expected = reference.apply(a, b);
    long[] s = new long[16];
    for (int out : new int[] {2, 0, 1}) {
      put(s, 0, a);
      put(s, 1, b);
      put(s, 2, MAX);
      op.apply(s, 0, 4, 4 * out);
      assertEquals(expected, get(s, out), () -> name + "(" + a.toString(16) + ", " + b.toString(16) + ")");
    }
  }

  private void checkBinary(String name, BinaryWordOp op, BinaryOperator<BigInteger> reference) {
    for (int i = 0; i < SAMPLES; i++) {
      assertBinary(name, op, reference, randomWord(), randomWord());
    }
  }

  private void checkDivision(String name, BinaryWordOp op, BinaryOperator<BigInteger> reference) {
    checkBinary(name, op, reference);
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger[] ab = divisionOperands();
      assertBinary(name, op, reference, ab[0], ab[1]);
    }
  }

  private void checkIndexed(String name, BinaryWordOp op, BinaryOperator<BigInteger> reference) {
    for (int i = 0; i < SAMPLES; i++) {
      assertBinary(name, op, reference, smallOrRandomWord(), randomWord());
    }
  }

  private void checkUnary(String name, UnaryWordOp op, UnaryOperator<BigInteger> reference) {
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger a = randomWord();
      long[] s = new long[8];
      for (int out : new int[] {1, 0}) {
        put(s, 0, a);
        put(s, 1, MAX);
        op.apply(s, 0, 4 * out);
        assertEquals(reference.apply(a), get(s, out), () -> name + "(" + a.toString(16) + ")");
      }
    }
  }

  private void checkTernary(
      String name, TernaryWordOp op, TernaryReference reference, boolean divisorLike) {
    for (int i = 0; i < 2 * SAMPLES; i++) {
      BigInteger a = randomWord();
      BigInteger b = randomWord();
      BigInteger n = divisorLike && random.nextBoolean() ? divisionOperands()[1] : randomWord();
      BigInteger expected = reference.apply(a, b, n);
      long[] s = new long[16];
      for (int out : new int[] {3, 0, 1, 2}) {
        put(s, 0, a);
        put(s, 1, b);
        put(s, 2, n);
        put(s, 3, MAX);
        op.apply(s, 0, 4, 8, 4 * out);
        assertEquals(
            expected,
            get(s, out),
            () -> name + "(" + a.toString(16) + ", " + b.toString(16) + ", " + n.toString(16) + ")");
      }
    }
  }

  private interface TernaryReference {
    BigInteger apply(BigInteger a, BigInteger b, BigInteger n);
  }

  private static BigInteger referenceSignExtend(BigInteger k, BigInteger x) {
    if (k.compareTo(BigInteger.valueOf(31)) >= 0) {
      return x;
    }
    int signBit = 8 * k.intValue() + 7;
    BigInteger low = BigInteger.ONE.shiftLeft(signBit + 1).subtract(BigInteger.ONE);
    return x.testBit(signBit) ? x.or(MAX.subtract(low)) : x.and(low);
  }

  private static int clampedShift(BigInteger shift) {
    return shift.min(BigInteger.valueOf(256)).intValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Randomized comparison with BigInteger.

  @Test
  void addMatchesBigIntegerModulo2To256() {
    checkBinary("add", Word256Math::add, (a, b) -> wrap(a.add(b)));
  }

  @Test
  void subMatchesBigIntegerModulo2To256() {
    checkBinary("sub", Word256Math::sub, (a, b) -> wrap(a.subtract(b)));
  }

  @Test
  void mulMatchesBigIntegerModulo2To256() {
    checkBinary("mul", Word256Math::mul, (a, b) -> wrap(a.multiply(b)));
  }

  @Test
  void divMatchesBigIntegerWithZeroForDivisionByZero() {
    checkDivision("div", Word256Math::div, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
  }

  @Test
  void modMatchesBigIntegerWithZeroForDivisionByZero() {
    checkDivision("mod", Word256Math::mod, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
  }

  @Test
  void sdivMatchesTruncatingSignedDivision() {
    checkDivision(
        "sdiv",
        Word256Math::sdiv,
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).divide(signed(b))));
  }

  @Test
  void smodMatchesRemainderWithTheDividendsSign() {
    checkDivision(
        "smod",
        Word256Math::smod,
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).remainder(signed(b))));
  }

  @Test
  void addModMatchesBigIntegerOnTheUnwrappedSum() {
    checkTernary(
        "addMod",
        Word256Math::addMod,
        (a, b, n) -> n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n),
        true);
  }

  @Test
  void mulModMatchesBigIntegerOnTheFullProduct() {
    checkTernary(
        "mulMod",
        Word256Math::mulMod,
        (a, b, n) -> n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n),
        true);
  }

  @Test
  void expMatchesBigIntegerModPow() {
    checkBinary("exp", Word256Math::exp, (a, e) -> a.modPow(e, TWO_256));
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger base = random.nextBoolean() ? smallOrRandomWord() : randomWord();
      assertBinary("exp", Word256Math::exp, (a, e) -> a.modPow(e, TWO_256), base, smallOrRandomWord());
    }
  }

  @Test
  void signExtendMatchesReference() {
    checkIndexed("signExtend", Word256Math::signExtend, Word256MathTest::referenceSignExtend);
  }

  @Test
  void comparisonsMatchBigInteger() {
    checkBinary("lt", Word256Math::lt, (a, b) -> bool(a.compareTo(b) < 0));
    checkBinary("gt", Word256Math::gt, (a, b) -> bool(a.compareTo(b) > 0));
    checkBinary("slt", Word256Math::slt, (a, b) -> bool(signed(a).compareTo(signed(b)) < 0));
    checkBinary("sgt", Word256Math::sgt, (a, b) -> bool(signed(a).compareTo(signed(b)) > 0));
    checkBinary("eq", Word256Math::eq, (a, b) -> bool(a.equals(b)));
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger a = randomWord();
      assertBinary("eq", Word256Math::eq, (x, y) -> bool(x.equals(y)), a, a);
      assertBinary("slt", Word256Math::slt, (x, y) -> BigInteger.ZERO, a, a);
    }
  }

  @Test
  void bitwiseOperationsMatchBigInteger() {
    checkBinary("and", Word256Math::and, BigInteger::and);
    checkBinary("or", Word256Math::or, BigInteger::or);
    checkBinary("xor", Word256Math::xor, BigInteger::xor);
    checkUnary("not", Word256Math::not, a -> MAX.xor(a));
    checkUnary("isZero", Word256Math::isZero, a -> bool(a.signum() == 0));
    checkUnary("clz", Word256Math::clz, a -> BigInteger.valueOf(256 - a.bitLength()));
  }

  @Test
  void byteExtractionMatchesReference() {
    checkIndexed(
        "extractByte",
        Word256Math::extractByte,
        (i, x) ->
            i.compareTo(BigInteger.valueOf(32)) >= 0
                ? BigInteger.ZERO
                : x.shiftRight(8 * (31 - i.intValue())).and(BigInteger.valueOf(0xFF)));
  }

  @Test
  void shiftsMatchBigInteger() {
    checkIndexed("shl", Word256Math::shl, (n, x) -> wrap(x.shiftLeft(clampedShift(n))));
    checkIndexed("shr", Word256Math::shr, (n, x) -> x.shiftRight(clampedShift(n)));
    checkIndexed("sar", Word256Math::sar, (n, x) -> wrap(signed(x).shiftRight(clampedShift(n))));
  }

  @Test
  void helpersMatchReference() {
    long[] s = new long[4];
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger a = random.nextBoolean() ? randomWord() : unsigned(random.nextLong() >>> random.nextInt(64));
      put(s, 0, a);
      assertEquals(a.signum() == 0, Word256Math.isZero(s, 0));
      boolean fitsLong = a.bitLength() <= 63;
      boolean fitsInt = a.bitLength() <= 31;
      assertEquals(fitsLong, Word256Math.fitsLong(s, 0), a::toString);
      assertEquals(fitsInt, Word256Math.fitsInt(s, 0), a::toString);
      assertEquals(fitsLong ? a.longValue() : Long.MAX_VALUE, Word256Math.toLongSaturated(s, 0));
      assertEquals(fitsInt ? a.intValue() : Integer.MAX_VALUE, Word256Math.toIntSaturated(s, 0));
      assertEquals((a.bitLength() + 7) / 8, Word256Math.byteLength(s, 0), a::toString);
      assertEquals(UInt256.fromBigInteger(a), Word256Math.toUInt256(s, 0));
      long[] t = new long[8];
      Word256Math.set(t, 4, UInt256.fromBigInteger(a));
      assertEquals(a, get(t, 1));
      Word256Math.copy(t, 4, 0);
      assertEquals(a, get(t, 0));
    }
  }

  @Test
  void loadAndStoreRoundTripBigEndianBytes() {
    for (int i = 0; i < SAMPLES; i++) {
      BigInteger a = randomWord();
      byte[] bytes = new byte[40];
      int offset = random.nextInt(9);
      long[] s = new long[8];
      put(s, 0, a);
      Word256Math.store(s, 0, bytes, offset);
      byte[] expected = UInt256.fromBigInteger(a).toBytes();
      for (int k = 0; k < 32; k++) {
        assertEquals(expected[k], bytes[offset + k]);
      }
      Word256Math.load(s, 4, bytes, offset);
      assertEquals(a, get(s, 1));
      int length = random.nextInt(33);
      Word256Math.load(s, 4, bytes, offset, length);
      assertEquals(new BigInteger(1, java.util.Arrays.copyOfRange(bytes, offset, offset + length)), get(s, 1));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Named edge cases.

  private static BigInteger hex(String h) {
    return new BigInteger(h, 16);
  }

  private static BigInteger binary(BinaryWordOp op, BigInteger a, BigInteger b) {
    long[] s = new long[12];
    put(s, 0, a);
    put(s, 1, b);
    op.apply(s, 0, 4, 8);
    return get(s, 2);
  }

  private static BigInteger ternary(TernaryWordOp op, BigInteger a, BigInteger b, BigInteger n) {
    long[] s = new long[16];
    put(s, 0, a);
    put(s, 1, b);
    put(s, 2, n);
    op.apply(s, 0, 4, 8, 12);
    return get(s, 3);
  }

  @Test
  void sdivOfMinimumByMinusOneIsMinimum() {
    assertEquals(TWO_255, binary(Word256Math::sdiv, TWO_255, MAX));
  }

  @Test
  void divisionByZeroGivesZero() {
    BigInteger a = hex("123456789abcdef0123456789abcdef");
    for (BinaryWordOp op :
        new BinaryWordOp[] {Word256Math::div, Word256Math::sdiv, Word256Math::mod, Word256Math::smod}) {
      assertEquals(BigInteger.ZERO, binary(op, a, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, binary(op, MAX, BigInteger.ZERO));
    }
    assertEquals(BigInteger.ZERO, ternary(Word256Math::addMod, MAX, MAX, BigInteger.ZERO));
    assertEquals(BigInteger.ZERO, ternary(Word256Math::mulMod, MAX, MAX, BigInteger.ZERO));
  }

  @Test
  void smodResultTakesTheDividendsSign() {
    BigInteger minusEight = TWO_256.subtract(BigInteger.valueOf(8));
    BigInteger minusThree = TWO_256.subtract(BigInteger.valueOf(3));
    BigInteger minusTwo = TWO_256.subtract(BigInteger.TWO);
    assertEquals(minusTwo, binary(Word256Math::smod, minusEight, minusThree));
    assertEquals(minusTwo, binary(Word256Math::smod, minusEight, BigInteger.valueOf(3)));
    assertEquals(BigInteger.TWO, binary(Word256Math::smod, BigInteger.valueOf(8), minusThree));
  }

  @Test
  void addModAndMulModDoNotWrapIntermediates() {
    // (2^256 - 1) * 2 mod 3 over the true sum is 0; a wrapped sum would give 2^256 - 2 mod 3 = 2.
    assertEquals(BigInteger.ZERO, ternary(Word256Math::addMod, MAX, MAX, BigInteger.valueOf(3)));
    assertEquals(
        MAX.multiply(MAX).mod(BigInteger.valueOf(12345)),
        ternary(Word256Math::mulMod, MAX, MAX, BigInteger.valueOf(12345)));
    assertEquals(BigInteger.ZERO, ternary(Word256Math::mulMod, MAX, MAX, MAX));
    assertEquals(BigInteger.ONE, ternary(Word256Math::mulMod, MAX.subtract(BigInteger.ONE), MAX.subtract(BigInteger.ONE), MAX));
  }

  @Test
  void expEdgeCases() {
    assertEquals(BigInteger.ONE, binary(Word256Math::exp, BigInteger.ZERO, BigInteger.ZERO));
    assertEquals(BigInteger.ZERO, binary(Word256Math::exp, BigInteger.ZERO, MAX));
    assertEquals(BigInteger.ONE, binary(Word256Math::exp, MAX, BigInteger.ZERO));
    assertEquals(TWO_255, binary(Word256Math::exp, BigInteger.TWO, BigInteger.valueOf(255)));
    assertEquals(BigInteger.ZERO, binary(Word256Math::exp, BigInteger.TWO, BigInteger.valueOf(256)));
    assertEquals(MAX, binary(Word256Math::exp, MAX, BigInteger.valueOf(3)));
    assertEquals(BigInteger.ONE, binary(Word256Math::exp, MAX, BigInteger.valueOf(2)));
  }

  @Test
  void signExtendEdgeCases() {
    assertEquals(MAX, binary(Word256Math::signExtend, BigInteger.ZERO, BigInteger.valueOf(0xFF)));
    assertEquals(BigInteger.valueOf(0x7F), binary(Word256Math::signExtend, BigInteger.ZERO, hex("ff7f")));
    assertEquals(
        MAX.subtract(BigInteger.valueOf(0x7FFF)),
        binary(Word256Math::signExtend, BigInteger.ONE, BigInteger.valueOf(0x8000)));
    assertEquals(TWO_255, binary(Word256Math::signExtend, BigInteger.valueOf(31), TWO_255));
    assertEquals(TWO_255, binary(Word256Math::signExtend, MAX, TWO_255));
    assertEquals(
        wrap(MAX.shiftLeft(247)),
        binary(Word256Math::signExtend, BigInteger.valueOf(30), BigInteger.ONE.shiftLeft(247)));
  }

  @Test
  void shiftAndByteEdgeCases() {
    assertEquals(TWO_255, binary(Word256Math::shl, BigInteger.valueOf(255), BigInteger.ONE));
    assertEquals(BigInteger.ZERO, binary(Word256Math::shl, BigInteger.valueOf(256), BigInteger.ONE));
    assertEquals(BigInteger.ZERO, binary(Word256Math::shl, TWO_255.add(BigInteger.ONE), MAX));
    assertEquals(BigInteger.ONE, binary(Word256Math::shr, BigInteger.valueOf(255), TWO_255));
    assertEquals(BigInteger.ZERO, binary(Word256Math::shr, BigInteger.valueOf(256), MAX));
    assertEquals(MAX, binary(Word256Math::sar, BigInteger.valueOf(255), TWO_255));
    assertEquals(MAX, binary(Word256Math::sar, MAX, TWO_255));
    assertEquals(BigInteger.ZERO, binary(Word256Math::sar, MAX, TWO_255.subtract(BigInteger.ONE)));
    assertEquals(BigInteger.valueOf(0x12), binary(Word256Math::extractByte, BigInteger.ZERO, hex("12").shiftLeft(248)));
    assertEquals(BigInteger.valueOf(0xCD), binary(Word256Math::extractByte, BigInteger.valueOf(31), hex("abcd")));
    assertEquals(BigInteger.ZERO, binary(Word256Math::extractByte, BigInteger.valueOf(32), MAX));
    assertEquals(BigInteger.ZERO, binary(Word256Math::extractByte, TWO_255, MAX));
  }

  @Test
  void clzCountsLeadingZeroBitsWith256ForZero() {
    long[] s = new long[8];
    Word256Math.clz(s, 0, 4);
    assertEquals(BigInteger.valueOf(256), get(s, 1));
    put(s, 0, TWO_255);
    Word256Math.clz(s, 0, 4);
    assertEquals(BigInteger.ZERO, get(s, 1));
    put(s, 0, BigInteger.ONE);
    Word256Math.clz(s, 0, 0);
    assertEquals(BigInteger.valueOf(255), get(s, 0));
  }

  @Test
  void partialLoadsPadWithZerosPastTheEnd() {
    byte[] code = {0x61, (byte) 0xAB}; // PUSH2 with one byte of immediate left
    long[] s = new long[4];
    Word256Math.load(s, 0, code, 1, 2);
    assertEquals(BigInteger.valueOf(0xAB00), get(s, 0));
    Word256Math.load(s, 0, code, 1);
    assertEquals(hex("ab").shiftLeft(248), get(s, 0));
    Word256Math.load(s, 0, code, 2);
    assertEquals(BigInteger.ZERO, get(s, 0));
    Word256Math.load(s, 0, code, Integer.MAX_VALUE);
    assertEquals(BigInteger.ZERO, get(s, 0));
    Word256Math.load(s, 0, code, 0, 0);
    assertEquals(BigInteger.ZERO, get(s, 0));
  }

  @Test
  void badLoadAndStoreArgumentsAreRejected() {
    long[] s = new long[4];
    byte[] bytes = new byte[40];
    assertThrows(IllegalArgumentException.class, () -> Word256Math.load(s, 0, bytes, -1));
    assertThrows(IllegalArgumentException.class, () -> Word256Math.load(s, 0, bytes, 0, 33));
    assertThrows(IllegalArgumentException.class, () -> Word256Math.load(s, 0, bytes, 0, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> Word256Math.store(s, 0, bytes, 9));
    assertThrows(IndexOutOfBoundsException.class, () -> Word256Math.store(s, 0, bytes, -1));
  }

  @Test
  void addressesConvertToAndFromTheLow160Bits() {
    Address address = Address.fromHex("0x00112233445566778899aabbccddeeff01234567");
    long[] s = new long[8];
    put(s, 0, MAX);
    Word256Math.set(s, 0, address);
    assertEquals(hex("00112233445566778899aabbccddeeff01234567"), get(s, 0));
    assertEquals(address, Word256Math.toAddress(s, 0));
    put(s, 1, MAX.shiftLeft(160).or(hex("00112233445566778899aabbccddeeff01234567")).mod(TWO_256));
    assertEquals(address, Word256Math.toAddress(s, 4));
  }
}
