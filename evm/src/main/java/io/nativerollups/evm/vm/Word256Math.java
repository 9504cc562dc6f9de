package io.nativerollups.evm.vm;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 256-bit word arithmetic of the interpreter's operand stack.
 *
 * <p>The stack is a {@code long[]} in which a word occupies four consecutive longs, least
 * significant limb first, starting at a base index (stack slot {@code i} has base {@code 4 * i}).
 * Every method takes the array and the base indices of its operands and result; the result may
 * alias an operand, since operands are read completely before the result is written. Operand order
 * follows the Yellow Paper: the first operand is the top of the stack, so {@code sub(s, a, b, out)}
 * computes {@code a - b}, as SUB does with {@code a} on top.
 *
 * <p>No method allocates except the conversions to {@link UInt256} and {@link Address}. Division
 * and modular reduction use a per-thread scratch array for Knuth's long division on 64-bit limbs.
 */
public final class Word256Math {

  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // Scratch layout: dividend (up to 8 limbs plus one for normalization), divisor, quotient,
  // and the absolute values of signed operands.
  private static final int DIVIDEND = 0;
  private static final int DIVISOR = 9;
  private static final int QUOTIENT = 13;
  private static final int ABS_A = 22;
  private static final int ABS_B = 26;
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[30]);

  private static final long LOW_32 = 0xFFFFFFFFL;

  private Word256Math() {}

  // ---------------------------------------------------------------------------------------------
  // Helpers for the interpreter: tests, conversions, loads and stores.

  /** True if the word at {@code a} is zero. */
  public static boolean isZero(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0;
  }

  /** True if the word at {@code a} is at most {@link Long#MAX_VALUE}. */
  public static boolean fitsLong(long[] s, int a) {
    return (s[a + 1] | s[a + 2] | s[a + 3]) == 0 && s[a] >= 0;
  }

  /** True if the word at {@code a} is at most {@link Integer#MAX_VALUE}. */
  public static boolean fitsInt(long[] s, int a) {
    return (s[a + 1] | s[a + 2] | s[a + 3]) == 0 && (s[a] >>> 31) == 0;
  }

  /**
   * The word at {@code a} as an int, or {@link Integer#MAX_VALUE} if it is larger: memory offsets
   * and sizes that large always fail on gas, so the saturated value keeps that outcome.
   */
  public static int toIntSaturated(long[] s, int a) {
    return fitsInt(s, a) ? (int) s[a] : Integer.MAX_VALUE;
  }

  /** The word at {@code a} as a long, or {@link Long#MAX_VALUE} if it is larger. */
  public static long toLongSaturated(long[] s, int a) {
    return fitsLong(s, a) ? s[a] : Long.MAX_VALUE;
  }

  /** The number of bytes of the word's minimal big-endian form (0 for zero), as EXP gas uses. */
  public static int byteLength(long[] s, int a) {
    return (256 - leadingZeros(s, a) + 7) >>> 3;
  }

  /** Sets the word at {@code out} to {@code value} read as an unsigned 64-bit number. */
  public static void set(long[] s, int out, long value) {
    s[out] = value;
    s[out + 1] = 0;
    s[out + 2] = 0;
    s[out + 3] = 0;
  }

  /** Sets the word at {@code out} to {@code value}. */
  public static void set(long[] s, int out, UInt256 value) {
    s[out] = value.limb0();
    s[out + 1] = value.limb1();
    s[out + 2] = value.limb2();
    s[out + 3] = value.limb3();
  }

  /** Copies the word at {@code from} to {@code to} (DUP). */
  public static void copy(long[] s, int from, int to) {
    s[to] = s[from];
    s[to + 1] = s[from + 1];
    s[to + 2] = s[from + 2];
    s[to + 3] = s[from + 3];
  }

  /** The word at {@code a} as a {@link UInt256}. */
  public static UInt256 toUInt256(long[] s, int a) {
    return UInt256.of(s[a + 3], s[a + 2], s[a + 1], s[a]);
  }

  /** Sets the word at {@code out} to the address, zero-extended to 256 bits. */
  public static void set(long[] s, int out, Address address) {
    long l2 = 0;
    for (int i = 0; i < 4; i++) {
      l2 = (l2 << 8) | (address.get(i) & 0xFFL);
    }
    long l1 = 0;
    long l0 = 0;
    for (int i = 0; i < 8; i++) {
      l1 = (l1 << 8) | (address.get(4 + i) & 0xFFL);
      l0 = (l0 << 8) | (address.get(12 + i) & 0xFFL);
    }
    s[out] = l0;
    s[out + 1] = l1;
    s[out + 2] = l2;
    s[out + 3] = 0;
  }

  /** The low 20 bytes of the word at {@code a} as an address, as the EVM truncates words. */
  public static Address toAddress(long[] s, int a) {
    byte[] bytes = new byte[Address.SIZE];
    long l2 = s[a + 2];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) (l2 >>> (24 - 8 * i));
    }
    LONG_BIG_ENDIAN.set(bytes, 4, s[a + 1]);
    LONG_BIG_ENDIAN.set(bytes, 12, s[a]);
    return Address.wrap(bytes);
  }

  /**
   * Sets the word at {@code out} from the 32 bytes of {@code src} at {@code offset}, big-endian;
   * bytes past the end of {@code src} read as zero (MLOAD, CALLDATALOAD).
   *
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public static void load(long[] s, int out, byte[] src, int offset) {
    if (offset >= 0 && offset <= src.length - 32) {
      s[out + 3] = (long) LONG_BIG_ENDIAN.get(src, offset);
      s[out + 2] = (long) LONG_BIG_ENDIAN.get(src, offset + 8);
      s[out + 1] = (long) LONG_BIG_ENDIAN.get(src, offset + 16);
      s[out] = (long) LONG_BIG_ENDIAN.get(src, offset + 24);
    } else {
      load(s, out, src, offset, 32);
    }
  }

  /**
   * Sets the word at {@code out} to the {@code length}-byte big-endian number at {@code offset} of
   * {@code src}, bytes past the end of {@code src} reading as zero (PUSH1..PUSH32 at the end of
   * code push the missing bytes as zeros).
   *
   * @throws IllegalArgumentException if {@code offset} is negative or {@code length} is not in
   *     [0, 32]
   */
  public static void load(long[] s, int out, byte[] src, int offset, int length) {
    if (offset < 0 || length < 0 || length > 32) {
      throw new IllegalArgumentException("bad word load: offset " + offset + ", length " + length);
    }
    s[out] = 0;
    s[out + 1] = 0;
    s[out + 2] = 0;
    s[out + 3] = 0;
    int available = (int) Math.max(0, Math.min(length, (long) src.length - offset));
    for (int i = 0; i < available; i++) {
      int bit = 8 * (length - 1 - i);
      s[out + (bit >>> 6)] |= (src[offset + i] & 0xFFL) << (bit & 63);
    }
  }

  /**
   * Writes the word at {@code a} as 32 big-endian bytes into {@code dst} at {@code offset}
   * (MSTORE); the caller has already sized {@code dst}.
   *
   * @throws IndexOutOfBoundsException if the 32 bytes do not fit
   */
  public static void store(long[] s, int a, byte[] dst, int offset) {
    LONG_BIG_ENDIAN.set(dst, offset, s[a + 3]);
    LONG_BIG_ENDIAN.set(dst, offset + 8, s[a + 2]);
    LONG_BIG_ENDIAN.set(dst, offset + 16, s[a + 1]);
    LONG_BIG_ENDIAN.set(dst, offset + 24, s[a]);
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic.

  /** ADD: {@code a + b} modulo 2^256. */
  public static void add(long[] s, int a, int b, int out) {
    addWithCarry(s, a, b, s, out);
  }

  /** SUB: {@code a - b} modulo 2^256. */
  public static void sub(long[] s, int a, int b, int out) {
    long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
    long b0 = s[b], b1 = s[b + 1], b2 = s[b + 2], b3 = s[b + 3];
    long r0 = a0 - b0;
    long borrow = borrowOfDifference(a0, b0, r0);
    long t1 = a1 - b1;
    long r1 = t1 - borrow;
    borrow = borrowOfDifference(a1, b1, t1) | borrowOfDifference(t1, borrow, r1);
    long t2 = a2 - b2;
    long r2 = t2 - borrow;
    borrow = borrowOfDifference(a2, b2, t2) | borrowOfDifference(t2, borrow, r2);
    s[out] = r0;
    s[out + 1] = r1;
    s[out + 2] = r2;
    s[out + 3] = a3 - b3 - borrow;
  }

  /** MUL: {@code a * b} modulo 2^256. */
  public static void mul(long[] s, int a, int b, int out) {
    multiplyLow(
        s, out, s[a], s[a + 1], s[a + 2], s[a + 3], s[b], s[b + 1], s[b + 2], s[b + 3]);
  }

  /** DIV: {@code a / b} unsigned, rounding down; zero when {@code b} is zero. */
  public static void div(long[] s, int a, int b, int out) {
    divide(s, a, b, s, out, false);
  }

  /** MOD: {@code a mod b} unsigned; zero when {@code b} is zero. */
  public static void mod(long[] s, int a, int b, int out) {
    divide(s, a, b, s, out, true);
  }

  /**
   * SDIV: {@code a / b} in two's complement, rounding toward zero; zero when {@code b} is zero, and
   * {@code -2^255 / -1 = -2^255}.
   */
  public static void sdiv(long[] s, int a, int b, int out) {
    long[] w = SCRATCH.get();
    boolean negativeA = absoluteValue(s, a, w, ABS_A);
    boolean negativeB = absoluteValue(s, b, w, ABS_B);
    divide(w, ABS_A, ABS_B, s, out, false);
    if (negativeA != negativeB) {
      negate(s, out);
    }
  }

  /**
   * SMOD: {@code a mod b} in two's complement, the result taking the sign of {@code a}; zero when
   * {@code b} is zero.
   */
  public static void smod(long[] s, int a, int b, int out) {
    long[] w = SCRATCH.get();
    boolean negativeA = absoluteValue(s, a, w, ABS_A);
    absoluteValue(s, b, w, ABS_B);
    divide(w, ABS_A, ABS_B, s, out, true);
    if (negativeA) {
      negate(s, out);
    }
  }

  /** ADDMOD: {@code (a + b) mod n} without wrapping the sum; zero when {@code n} is zero. */
  public static void addMod(long[] s, int a, int b, int n, int out) {
    int divisorLimbs = limbCount(s, n);
    if (divisorLimbs == 0) {
      set(s, out, 0);
      return;
    }
    long[] w = SCRATCH.get();
    copyWord(s, n, w, DIVISOR);
    w[DIVIDEND + 4] = addWithCarry(s, a, b, w, DIVIDEND);
    remainderInScratch(w, 5, divisorLimbs, s, out);
  }

  /** MULMOD: {@code (a * b) mod n} over the exact 512-bit product; zero when {@code n} is zero. */
  public static void mulMod(long[] s, int a, int b, int n, int out) {
    int divisorLimbs = limbCount(s, n);
    if (divisorLimbs == 0) {
      set(s, out, 0);
      return;
    }
    long[] w = SCRATCH.get();
    copyWord(s, n, w, DIVISOR);
    int aLimbs = limbCount(s, a);
    int bLimbs = limbCount(s, b);
    for (int i = 0; i < aLimbs + bLimbs; i++) {
      w[DIVIDEND + i] = 0;
    }
    for (int i = 0; i < aLimbs; i++) {
      long ai = s[a + i];
      long carry = 0;
      for (int j = 0; j < bLimbs; j++) {
        long bj = s[b + j];
        long lo = ai * bj;
        long hi = Math.unsignedMultiplyHigh(ai, bj);
        long acc = w[DIVIDEND + i + j];
        lo += acc;
        hi += Long.compareUnsigned(lo, acc) < 0 ? 1 : 0;
        lo += carry;
        hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
        w[DIVIDEND + i + j] = lo;
        carry = hi;
      }
      w[DIVIDEND + i + bLimbs] = carry;
    }
    remainderInScratch(w, aLimbs + bLimbs, divisorLimbs, s, out);
  }

  /** EXP: {@code base ^ exponent} modulo 2^256, by left-to-right square-and-multiply. */
  public static void exp(long[] s, int base, int exponent, int out) {
    long b0 = s[base], b1 = s[base + 1], b2 = s[base + 2], b3 = s[base + 3];
    long e0 = s[exponent], e1 = s[exponent + 1], e2 = s[exponent + 2], e3 = s[exponent + 3];
    int topBit = 255 - leadingZeros(s, exponent);
    if (topBit < 0) {
      set(s, out, 1);
      return;
    }
    if ((b1 | b2 | b3) == 0 && (b0 & ~1L) == 0) {
      set(s, out, b0); // 0^e = 0 and 1^e = 1 for e > 0
      return;
    }
    if ((b1 | b2 | b3) == 0 && b0 == 2) {
      setPowerOfTwo(s, out, (e1 | e2 | e3) == 0 && Long.compareUnsigned(e0, 256) < 0 ? (int) e0 : 256);
      return;
    }
    s[out] = b0;
    s[out + 1] = b1;
    s[out + 2] = b2;
    s[out + 3] = b3;
    for (int bit = topBit - 1; bit >= 0; bit--) {
      long r0 = s[out], r1 = s[out + 1], r2 = s[out + 2], r3 = s[out + 3];
      multiplyLow(s, out, r0, r1, r2, r3, r0, r1, r2, r3);
      long limb = bit < 64 ? e0 : bit < 128 ? e1 : bit < 192 ? e2 : e3;
      if (((limb >>> (bit & 63)) & 1) != 0) {
        multiplyLow(s, out, s[out], s[out + 1], s[out + 2], s[out + 3], b0, b1, b2, b3);
      }
    }
  }

  /**
   * SIGNEXTEND: extends the sign of the low {@code byteIndex + 1} bytes of {@code value}; values of
   * {@code byteIndex} of 31 or more leave {@code value} unchanged.
   */
  public static void signExtend(long[] s, int byteIndex, int value, int out) {
    long k = s[byteIndex];
    boolean beyondWord =
        (s[byteIndex + 1] | s[byteIndex + 2] | s[byteIndex + 3]) != 0
            || Long.compareUnsigned(k, 31) >= 0;
    copy(s, value, out);
    if (beyondWord) {
      return;
    }
    int signBit = 8 * (int) k + 7;
    int limb = signBit >>> 6;
    int shift = 63 - (signBit & 63);
    // Shift the sign bit to the top of its limb and back arithmetically to replicate it.
    long extended = (s[out + limb] << shift) >> shift;
    s[out + limb] = extended;
    long fill = extended >> 63;
    for (int i = limb + 1; i < 4; i++) {
      s[out + i] = fill;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Comparison and bitwise operations.

  /** LT: 1 if {@code a < b} unsigned, else 0. */
  public static void lt(long[] s, int a, int b, int out) {
    set(s, out, compareUnsigned(s, a, b) < 0 ? 1 : 0);
  }

  /** GT: 1 if {@code a > b} unsigned, else 0. */
  public static void gt(long[] s, int a, int b, int out) {
    set(s, out, compareUnsigned(s, a, b) > 0 ? 1 : 0);
  }

  /** SLT: 1 if {@code a < b} in two's complement, else 0. */
  public static void slt(long[] s, int a, int b, int out) {
    set(s, out, compareSigned(s, a, b) < 0 ? 1 : 0);
  }

  /** SGT: 1 if {@code a > b} in two's complement, else 0. */
  public static void sgt(long[] s, int a, int b, int out) {
    set(s, out, compareSigned(s, a, b) > 0 ? 1 : 0);
  }

  /** EQ: 1 if {@code a == b}, else 0. */
  public static void eq(long[] s, int a, int b, int out) {
    boolean equal =
        s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
    set(s, out, equal ? 1 : 0);
  }

  /** ISZERO: 1 if {@code a} is zero, else 0. */
  public static void isZero(long[] s, int a, int out) {
    set(s, out, isZero(s, a) ? 1 : 0);
  }

  /** AND: bitwise {@code a & b}. */
  public static void and(long[] s, int a, int b, int out) {
    for (int i = 0; i < 4; i++) {
      s[out + i] = s[a + i] & s[b + i];
    }
  }

  /** OR: bitwise {@code a | b}. */
  public static void or(long[] s, int a, int b, int out) {
    for (int i = 0; i < 4; i++) {
      s[out + i] = s[a + i] | s[b + i];
    }
  }

  /** XOR: bitwise {@code a ^ b}. */
  public static void xor(long[] s, int a, int b, int out) {
    for (int i = 0; i < 4; i++) {
      s[out + i] = s[a + i] ^ s[b + i];
    }
  }

  /** NOT: bitwise complement of {@code a}. */
  public static void not(long[] s, int a, int out) {
    for (int i = 0; i < 4; i++) {
      s[out + i] = ~s[a + i];
    }
  }

  /**
   * BYTE: byte {@code index} of {@code value}, counting from the most significant byte as 0; zero
   * for an index of 32 or more.
   */
  public static void extractByte(long[] s, int index, int value, int out) {
    long i = s[index];
    if ((s[index + 1] | s[index + 2] | s[index + 3]) != 0 || Long.compareUnsigned(i, 32) >= 0) {
      set(s, out, 0);
      return;
    }
    int bit = 8 * (31 - (int) i);
    set(s, out, (s[value + (bit >>> 6)] >>> (bit & 63)) & 0xFF);
  }

  /** SHL: {@code value << shift}; zero for shifts of 256 or more. */
  public static void shl(long[] s, int shift, int value, int out) {
    int n = shiftAmount(s, shift);
    if (n >= 256) {
      set(s, out, 0);
      return;
    }
    int limbs = n >>> 6;
    int bits = n & 63;
    // High limbs first: each reads only limbs at or below its own index, so out may alias value.
    for (int i = 3; i >= 0; i--) {
      int from = i - limbs;
      long high = from >= 0 ? s[value + from] : 0;
      long low = from >= 1 ? s[value + from - 1] : 0;
      s[out + i] = (high << bits) | (low >>> 1 >>> (63 - bits));
    }
  }

  /** SHR: {@code value >>> shift} (logical); zero for shifts of 256 or more. */
  public static void shr(long[] s, int shift, int value, int out) {
    shiftRight(s, shift, value, out, 0);
  }

  /** SAR: {@code value >> shift} (arithmetic); all sign bits for shifts of 256 or more. */
  public static void sar(long[] s, int shift, int value, int out) {
    shiftRight(s, shift, value, out, s[value + 3] >> 63);
  }

  /** CLZ (EIP-7939): the number of leading zero bits of {@code a}, 256 for zero. */
  public static void clz(long[] s, int a, int out) {
    set(s, out, leadingZeros(s, a));
  }

  // ---------------------------------------------------------------------------------------------
  // Internals.

  /** Writes {@code a + b} modulo 2^256 to {@code dst[at]} and returns the carry out (0 or 1). */
  private static long addWithCarry(long[] s, int a, int b, long[] dst, int at) {
    long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
    long b0 = s[b], b1 = s[b + 1], b2 = s[b + 2], b3 = s[b + 3];
    long r0 = a0 + b0;
    long c = carryOfSum(a0, b0, r0);
    long t1 = a1 + b1;
    long r1 = t1 + c;
    c = carryOfSum(a1, b1, t1) | carryOfSum(t1, c, r1);
    long t2 = a2 + b2;
    long r2 = t2 + c;
    c = carryOfSum(a2, b2, t2) | carryOfSum(t2, c, r2);
    long t3 = a3 + b3;
    long r3 = t3 + c;
    c = carryOfSum(a3, b3, t3) | carryOfSum(t3, c, r3);
    dst[at] = r0;
    dst[at + 1] = r1;
    dst[at + 2] = r2;
    dst[at + 3] = r3;
    return c;
  }

  private static long carryOfSum(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  private static long borrowOfDifference(long x, long y, long difference) {
    return ((~x & y) | (~(x ^ y) & difference)) >>> 63;
  }

  private static int leadingZeros(long[] s, int a) {
    if (s[a + 3] != 0) {
      return Long.numberOfLeadingZeros(s[a + 3]);
    }
    if (s[a + 2] != 0) {
      return 64 + Long.numberOfLeadingZeros(s[a + 2]);
    }
    if (s[a + 1] != 0) {
      return 128 + Long.numberOfLeadingZeros(s[a + 1]);
    }
    return 192 + Long.numberOfLeadingZeros(s[a]);
  }

  /** The number of limbs up to the most significant nonzero one (0 for zero). */
  private static int limbCount(long[] s, int a) {
    return s[a + 3] != 0 ? 4 : s[a + 2] != 0 ? 3 : s[a + 1] != 0 ? 2 : s[a] != 0 ? 1 : 0;
  }

  private static int compareUnsigned(long[] s, int a, int b) {
    for (int i = 3; i >= 0; i--) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  private static int compareSigned(long[] s, int a, int b) {
    if (s[a + 3] != s[b + 3]) {
      return Long.compare(s[a + 3], s[b + 3]);
    }
    for (int i = 2; i >= 0; i--) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  /** The shift operand clamped to 256. */
  private static int shiftAmount(long[] s, int shift) {
    if ((s[shift + 1] | s[shift + 2] | s[shift + 3]) != 0
        || Long.compareUnsigned(s[shift], 256) >= 0) {
      return 256;
    }
    return (int) s[shift];
  }

  private static void shiftRight(long[] s, int shift, int value, int out, long fill) {
    int n = shiftAmount(s, shift);
    if (n >= 256) {
      for (int i = 0; i < 4; i++) {
        s[out + i] = fill;
      }
      return;
    }
    int limbs = n >>> 6;
    int bits = n & 63;
    // Low limbs first: each reads only limbs at or above its own index, so out may alias value.
    for (int i = 0; i < 4; i++) {
      int from = i + limbs;
      long low = from <= 3 ? s[value + from] : fill;
      long high = from + 1 <= 3 ? s[value + from + 1] : fill;
      s[out + i] = (low >>> bits) | (high << 1 << (63 - bits));
    }
  }

  private static void setPowerOfTwo(long[] s, int out, int exponent) {
    set(s, out, 0);
    if (exponent < 256) {
      s[out + (exponent >>> 6)] = 1L << (exponent & 63);
    }
  }

  /** Writes {@code a * b} modulo 2^256 to {@code out}. */
  private static void multiplyLow(
      long[] s, int out, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    // Row a0 * b.
    long r0 = a0 * b0;
    long c = Math.unsignedMultiplyHigh(a0, b0);
    long t = a0 * b1;
    long r1 = t + c;
    c = Math.unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(r1, t) < 0 ? 1 : 0);
    t = a0 * b2;
    long r2 = t + c;
    c = Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(r2, t) < 0 ? 1 : 0);
    long r3 = a0 * b3 + c;
    // Row a1 * b, one limb up.
    t = a1 * b0;
    r1 += t;
    c = Math.unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(r1, t) < 0 ? 1 : 0);
    t = a1 * b1 + c;
    long c2 = Math.unsignedMultiplyHigh(a1, b1) + (Long.compareUnsigned(t, c) < 0 ? 1 : 0);
    r2 += t;
    c2 += Long.compareUnsigned(r2, t) < 0 ? 1 : 0;
    r3 += a1 * b2 + c2;
    // Row a2 * b, two limbs up.
    t = a2 * b0;
    r2 += t;
    c = Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(r2, t) < 0 ? 1 : 0);
    r3 += a2 * b1 + c;
    // Row a3 * b, three limbs up.
    r3 += a3 * b0;
    s[out] = r0;
    s[out + 1] = r1;
    s[out + 2] = r2;
    s[out + 3] = r3;
  }

  /** Copies the word at {@code a} to {@code w[at]} as its absolute value; returns its sign. */
  private static boolean absoluteValue(long[] s, int a, long[] w, int at) {
    copyWord(s, a, w, at);
    boolean negative = s[a + 3] < 0;
    if (negative) {
      negate(w, at);
    }
    return negative;
  }

  private static void copyWord(long[] from, int a, long[] to, int at) {
    to[at] = from[a];
    to[at + 1] = from[a + 1];
    to[at + 2] = from[a + 2];
    to[at + 3] = from[a + 3];
  }

  /** Two's complement negation in place. */
  private static void negate(long[] s, int a) {
    long carry = 1;
    for (int i = 0; i < 4; i++) {
      long v = ~s[a + i] + carry;
      carry = carry != 0 && v == 0 ? 1 : 0;
      s[a + i] = v;
    }
  }

  /**
   * Unsigned division of the word at {@code x[a]} by the word at {@code x[b]}, writing the
   * quotient or the remainder to {@code s[out]}; zero when the divisor is zero.
   */
  private static void divide(long[] x, int a, int b, long[] s, int out, boolean remainder) {
    int divisorLimbs = limbCount(x, b);
    int dividendLimbs = limbCount(x, a);
    if (divisorLimbs == 0) {
      set(s, out, 0);
      return;
    }
    if (dividendLimbs <= 1) {
      // Here the divisor is at least as wide, so a single-limb division covers every case.
      long d = divisorLimbs == 1 ? x[b] : 0;
      long n = x[a];
      long result;
      if (d == 0) {
        result = remainder ? n : 0;
      } else {
        result = remainder ? Long.remainderUnsigned(n, d) : Long.divideUnsigned(n, d);
      }
      set(s, out, result);
      return;
    }
    if (divisorLimbs == 1) {
      divideBySingleLimb(x, a, dividendLimbs, x[b], s, out, remainder);
      return;
    }
    if (dividendLimbs < divisorLimbs) {
      if (remainder) {
        copyWord(x, a, s, out);
      } else {
        set(s, out, 0);
      }
      return;
    }
    long[] w = SCRATCH.get();
    copyWord(x, b, w, DIVISOR);
    copyWord(x, a, w, DIVIDEND);
    divideInScratch(w, dividendLimbs, divisorLimbs);
    if (remainder) {
      copyRemainder(w, divisorLimbs, s, out);
    } else {
      int quotientLimbs = dividendLimbs - divisorLimbs + 1;
      for (int i = 0; i < 4; i++) {
        s[out + i] = i < quotientLimbs ? w[QUOTIENT + i] : 0;
      }
    }
  }

  /**
   * Short division of the {@code dividendLimbs} limbs at {@code x[a]} (at least one; the quotient
   * only for at most four) by the one-limb {@code divisor}, without Knuth's bookkeeping since such
   * divisors (powers of ten, token decimals) are the common case.
   */
  private static void divideBySingleLimb(
      long[] x, int a, int dividendLimbs, long divisor, long[] s, int out, boolean remainder) {
    int shift = Long.numberOfLeadingZeros(divisor);
    long d = divisor << shift;
    long v = reciprocal(d);
    // The running remainder, normalized: starts with the dividend bits shifted out at the top.
    long r = x[a + dividendLimbs - 1] >>> 1 >>> (63 - shift);
    for (int i = dividendLimbs - 1; i >= 0; i--) {
      long below = i > 0 ? x[a + i - 1] >>> 1 >>> (63 - shift) : 0;
      long u = (x[a + i] << shift) | below;
      long q = divide128By64(r, u, d, v);
      r = u - q * d;
      if (!remainder) {
        // Limb i of x is no longer read, so out may alias the dividend.
        s[out + i] = q;
      }
    }
    if (remainder) {
      set(s, out, r >>> shift);
    } else {
      for (int i = dividendLimbs; i < 4; i++) {
        s[out + i] = 0;
      }
    }
  }

  /**
   * Reduces the {@code dividendLimbs}-limb dividend in the scratch modulo the divisor there, whose
   * top limb {@code divisorLimbs - 1} is nonzero, and writes the remainder to {@code s[out]}.
   */
  private static void remainderInScratch(
      long[] w, int dividendLimbs, int divisorLimbs, long[] s, int out) {
    int m = dividendLimbs;
    while (m > 0 && w[DIVIDEND + m - 1] == 0) {
      m--;
    }
    if (m < divisorLimbs) {
      for (int i = 0; i < 4; i++) {
        s[out + i] = i < m ? w[DIVIDEND + i] : 0;
      }
      return;
    }
    if (divisorLimbs == 1) {
      divideBySingleLimb(w, DIVIDEND, m, w[DIVISOR], s, out, true);
      return;
    }
    divideInScratch(w, m, divisorLimbs);
    copyRemainder(w, divisorLimbs, s, out);
  }

  private static void copyRemainder(long[] w, int divisorLimbs, long[] s, int out) {
    for (int i = 0; i < 4; i++) {
      s[out + i] = i < divisorLimbs ? w[DIVIDEND + i] : 0;
    }
  }

  /**
   * Knuth's algorithm D (TAOCP 4.3.1) on 64-bit limbs: divides the m-limb dividend at DIVIDEND by
   * the n-limb divisor at DIVISOR (top limb nonzero, m >= n), leaving the quotient's m - n + 1
   * limbs at QUOTIENT and the remainder's n limbs at DIVIDEND.
   */
  private static void divideInScratch(long[] w, int m, int n) {
    // Normalize so the divisor's top bit is set; the quotient-digit estimate is then off by at
    // most two, and the refinement with the second divisor limb almost always makes it exact.
    int shift = Long.numberOfLeadingZeros(w[DIVISOR + n - 1]);
    shiftLimbsLeft(w, DIVISOR, n, shift);
    w[DIVIDEND + m] = w[DIVIDEND + m - 1] >>> 1 >>> (63 - shift);
    shiftLimbsLeft(w, DIVIDEND, m, shift);

    long dTop = w[DIVISOR + n - 1];
    long dNext = n >= 2 ? w[DIVISOR + n - 2] : 0;
    // The reciprocal costs one plain division, so it only pays off over several quotient limbs.
    boolean useReciprocal = m > n;
    long dTopReciprocal = useReciprocal ? reciprocal(dTop) : 0;
    for (int j = m - n; j >= 0; j--) {
      long uTop = w[DIVIDEND + j + n];
      long uNext = w[DIVIDEND + j + n - 1];
      long qHat;
      long rHat;
      boolean rHatOverflow;
      if (uTop == dTop) {
        qHat = -1L;
        rHat = uNext + dTop;
        rHatOverflow = Long.compareUnsigned(rHat, uNext) < 0;
      } else {
        qHat =
            useReciprocal
                ? divide128By64(uTop, uNext, dTop, dTopReciprocal)
                : divide128By64(uTop, uNext, dTop);
        rHat = uNext - qHat * dTop;
        rHatOverflow = false;
      }
      if (n >= 2) {
        long uThird = w[DIVIDEND + j + n - 2];
        while (!rHatOverflow) {
          long productHigh = Math.unsignedMultiplyHigh(qHat, dNext);
          long productLow = qHat * dNext;
          if (Long.compareUnsigned(productHigh, rHat) < 0
              || (productHigh == rHat && Long.compareUnsigned(productLow, uThird) <= 0)) {
            break;
          }
          qHat--;
          long next = rHat + dTop;
          rHatOverflow = Long.compareUnsigned(next, rHat) < 0;
          rHat = next;
        }
      }
      // Subtract qHat * divisor from the dividend window j..j+n.
      long carry = 0;
      for (int i = 0; i < n; i++) {
        long d = w[DIVISOR + i];
        long productLow = qHat * d;
        long productHigh = Math.unsignedMultiplyHigh(qHat, d);
        productLow += carry;
        productHigh += Long.compareUnsigned(productLow, carry) < 0 ? 1 : 0;
        long u = w[DIVIDEND + j + i];
        w[DIVIDEND + j + i] = u - productLow;
        carry = productHigh + (Long.compareUnsigned(u, productLow) < 0 ? 1 : 0);
      }
      long top = w[DIVIDEND + j + n];
      w[DIVIDEND + j + n] = top - carry;
      if (Long.compareUnsigned(top, carry) < 0) {
        // qHat was one too large (rare): add the divisor back.
        qHat--;
        long c = 0;
        for (int i = 0; i < n; i++) {
          long u = w[DIVIDEND + j + i];
          long d = w[DIVISOR + i];
          long sum = u + d;
          long total = sum + c;
          c = carryOfSum(u, d, sum) | carryOfSum(sum, c, total);
          w[DIVIDEND + j + i] = total;
        }
        w[DIVIDEND + j + n] += c;
      }
      w[QUOTIENT + j] = qHat;
    }
    // Denormalize the remainder.
    for (int i = 0; i < n; i++) {
      w[DIVIDEND + i] =
          (w[DIVIDEND + i] >>> shift) | (w[DIVIDEND + i + 1] << 1 << (63 - shift));
    }
  }

  /** Shifts the n limbs at {@code w[at]} left by {@code shift} bits (0..63), dropping overflow. */
  private static void shiftLimbsLeft(long[] w, int at, int n, int shift) {
    for (int i = n - 1; i > 0; i--) {
      w[at + i] = (w[at + i] << shift) | (w[at + i - 1] >>> 1 >>> (63 - shift));
    }
    w[at] <<= shift;
  }

  /**
   * The reciprocal {@code floor((2^128 - 1) / d) - 2^64} of a {@code d} with its top bit set, which
   * turns each later 128-by-64-bit division by {@code d} into multiplications.
   */
  private static long reciprocal(long d) {
    return divide128By64(~d, -1L, d);
  }

  /**
   * The quotient of the 128-bit {@code high:low} by {@code d}, where {@code d} has its top bit set,
   * {@code high < d} and {@code v} is {@code reciprocal(d)} (Möller and Granlund, "Improved
   * division by invariant integers", 2011, algorithm 4).
   */
  private static long divide128By64(long high, long low, long d, long v) {
    long productLow = v * high;
    long sumLow = productLow + low;
    long q =
        Math.unsignedMultiplyHigh(v, high) + high + carryOfSum(productLow, low, sumLow) + 1;
    long r = low - q * d;
    if (Long.compareUnsigned(r, sumLow) > 0) {
      q--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q++;
    }
    return q;
  }

  /**
   * The quotient of the 128-bit {@code high:low} by {@code d}, where {@code d} has its top bit set
   * and {@code high < d} so the quotient fits 64 bits (Hacker's Delight divlu, on 32-bit halves).
   */
  private static long divide128By64(long high, long low, long d) {
    long dHigh = d >>> 32;
    long dLow = d & LOW_32;
    long lowHigh = low >>> 32;
    long lowLow = low & LOW_32;

    long q1 = Long.divideUnsigned(high, dHigh);
    long rHat = high - q1 * dHigh;
    while ((q1 >>> 32) != 0 || Long.compareUnsigned(q1 * dLow, (rHat << 32) | lowHigh) > 0) {
      q1--;
      rHat += dHigh;
      if ((rHat >>> 32) != 0) {
        break;
      }
    }
    long middle = (high << 32) + lowHigh - q1 * d;

    long q0 = Long.divideUnsigned(middle, dHigh);
    rHat = middle - q0 * dHigh;
    while ((q0 >>> 32) != 0 || Long.compareUnsigned(q0 * dLow, (rHat << 32) | lowLow) > 0) {
      q0--;
      rHat += dHigh;
      if ((rHat >>> 32) != 0) {
        break;
      }
    }
    return (q1 << 32) | q0;
  }
}
