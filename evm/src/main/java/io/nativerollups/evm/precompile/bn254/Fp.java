package io.nativerollups.evm.precompile.bn254;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * An element of the BN254 base field F_p, held in Montgomery form ({@code a * 2^256 mod p}) in four
 * 64-bit limbs, least significant first, always fully reduced below p.
 *
 * <p>p has 254 bits, so its top limb leaves two spare bits: a sum of two elements never overflows
 * 256 bits and the Montgomery product can skip the carry word of the classic CIOS loop.
 */
final class Fp implements FieldElement<Fp> {

  /** p = 21888242871839275222246405745257275088696311157297823662689037894645226208583. */
  static final BigInteger MODULUS =
      new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);

  private static final long P0 = limb(MODULUS, 0);
  private static final long P1 = limb(MODULUS, 1);
  private static final long P2 = limb(MODULUS, 2);
  private static final long P3 = limb(MODULUS, 3);

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  private static final long INV =
      MODULUS.modInverse(BigInteger.ONE.shiftLeft(64)).negate().longValue();

  /** R^2 mod p as raw limbs: multiplying by it moves a plain number into Montgomery form. */
  private static final Fp R_SQUARED = raw(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  /** R^3 mod p as raw limbs: turns the plain inverse of a Montgomery value into its inverse. */
  private static final Fp R_CUBED = raw(BigInteger.ONE.shiftLeft(768).mod(MODULUS));

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  static final Fp ONE = valueOf(1);

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;

  private Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** The element {@code value mod p}. */
  static Fp valueOf(BigInteger value) {
    return raw(value.mod(MODULUS)).multiply(R_SQUARED);
  }

  static Fp valueOf(long value) {
    return valueOf(BigInteger.valueOf(value));
  }

  /**
   * Reads a 32-byte big-endian number at {@code offset}; null if it is not below p (the EVM
   * encodings reject such coordinates instead of reducing them).
   */
  static Fp fromBytes(byte[] in, int offset) {
    long h3 = (long) BIG_ENDIAN_LONG.get(in, offset);
    long h2 = (long) BIG_ENDIAN_LONG.get(in, offset + 8);
    long h1 = (long) BIG_ENDIAN_LONG.get(in, offset + 16);
    long h0 = (long) BIG_ENDIAN_LONG.get(in, offset + 24);
    long borrow = borrowOut(h0, P0, h0 - P0);
    borrow = borrowOut(h1, P1, h1 - P1 - borrow);
    borrow = borrowOut(h2, P2, h2 - P2 - borrow);
    borrow = borrowOut(h3, P3, h3 - P3 - borrow);
    if (borrow == 0) {
      return null;
    }
    return montgomeryProduct(
        h0, h1, h2, h3, R_SQUARED.l0, R_SQUARED.l1, R_SQUARED.l2, R_SQUARED.l3);
  }

  /** Writes the 32-byte big-endian standard (non-Montgomery) value at {@code offset}. */
  void toBytes(byte[] out, int offset) {
    Fp plain = montgomeryProduct(l0, l1, l2, l3, 1, 0, 0, 0);
    BIG_ENDIAN_LONG.set(out, offset, plain.l3);
    BIG_ENDIAN_LONG.set(out, offset + 8, plain.l2);
    BIG_ENDIAN_LONG.set(out, offset + 16, plain.l1);
    BIG_ENDIAN_LONG.set(out, offset + 24, plain.l0);
  }

  /** The standard value in [0, p). */
  BigInteger toBigInteger() {
    byte[] bytes = new byte[32];
    toBytes(bytes, 0);
    return new BigInteger(1, bytes);
  }

  @Override
  public Fp add(Fp o) {
    long s0 = l0 + o.l0;
    long carry = carryOut(l0, o.l0, s0);
    long s1 = l1 + o.l1 + carry;
    carry = carryOut(l1, o.l1, s1);
    long s2 = l2 + o.l2 + carry;
    carry = carryOut(l2, o.l2, s2);
    long s3 = l3 + o.l3 + carry;
    return subtractModulusIfAbove(s0, s1, s2, s3);
  }

  @Override
  public Fp subtract(Fp o) {
    long d0 = l0 - o.l0;
    long borrow = borrowOut(l0, o.l0, d0);
    long d1 = l1 - o.l1 - borrow;
    borrow = borrowOut(l1, o.l1, d1);
    long d2 = l2 - o.l2 - borrow;
    borrow = borrowOut(l2, o.l2, d2);
    long d3 = l3 - o.l3 - borrow;
    borrow = borrowOut(l3, o.l3, d3);
    if (borrow == 0) {
      return new Fp(d0, d1, d2, d3);
    }
    long s0 = d0 + P0;
    long carry = carryOut(d0, P0, s0);
    long s1 = d1 + P1 + carry;
    carry = carryOut(d1, P1, s1);
    long s2 = d2 + P2 + carry;
    carry = carryOut(d2, P2, s2);
    return new Fp(s0, s1, s2, d3 + P3 + carry);
  }

  @Override
  public Fp doubled() {
    return add(this);
  }

  @Override
  public Fp negate() {
    return isZero() ? this : ZERO.subtract(this);
  }

  @Override
  public Fp multiply(Fp o) {
    return montgomeryProduct(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3);
  }

  @Override
  public Fp square() {
    return montgomeryProduct(l0, l1, l2, l3, l0, l1, l2, l3);
  }

  /**
   * By the binary extended Euclidean algorithm on the limbs (a few times faster than Fermat's
   * a^(p-2) or BigInteger.modInverse). Inverting the Montgomery value aR gives a^-1 R^-1, and a
   * Montgomery product with R^3 makes that a^-1 R.
   */
  @Override
  public Fp inverse() {
    if (isZero()) {
      return this;
    }
    long[] u = {l0, l1, l2, l3};
    long[] v = {P0, P1, P2, P3};
    // invariants: x1 * this = u and x2 * this = v (mod p); gcd(u, v) = 1 throughout
    long[] x1 = {1, 0, 0, 0};
    long[] x2 = {0, 0, 0, 0};
    while (!isOne(u) && !isOne(v)) {
      while ((u[0] & 1) == 0) {
        shiftRight(u);
        halveModP(x1);
      }
      while ((v[0] & 1) == 0) {
        shiftRight(v);
        halveModP(x2);
      }
      if (subtractIfNotBelow(u, v)) {
        subtractModP(x1, x2);
      } else {
        subtract(v, u);
        subtractModP(x2, x1);
      }
    }
    long[] inverse = isOne(u) ? x1 : x2;
    return montgomeryProduct(
        inverse[0],
        inverse[1],
        inverse[2],
        inverse[3],
        R_CUBED.l0,
        R_CUBED.l1,
        R_CUBED.l2,
        R_CUBED.l3);
  }

  @Override
  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp o && l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ l1 ^ l2 ^ l3);
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }

  /**
   * Montgomery product {@code a * b / 2^256 mod p} of reduced inputs (CIOS, one row per limb of b,
   * unrolled: the JIT then keeps every limb in a register). The row's high word and the reduction
   * carry are added straight into the top limb: with p below 2^254 that sum cannot overflow.
   */
  private static Fp montgomeryProduct(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    long lo;
    long hi;
    long carry;
    long rowHigh;
    long m;
    // row 0: t += a * b0, then t = (t + m p) / 2^64 with m making the low limb vanish
    lo = a0 * b0;
    hi = Math.unsignedMultiplyHigh(a0, b0);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    lo = a3 * b0;
    hi = Math.unsignedMultiplyHigh(a3, b0);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t3 = lo;
    rowHigh = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = Math.unsignedMultiplyHigh(m, P0);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    carry = hi;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    t3 = rowHigh + carry;
    // row 1: t += a * b1, then t = (t + m p) / 2^64 with m making the low limb vanish
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t3 = lo;
    rowHigh = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = Math.unsignedMultiplyHigh(m, P0);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    carry = hi;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    t3 = rowHigh + carry;
    // row 2: t += a * b2, then t = (t + m p) / 2^64 with m making the low limb vanish
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t3 = lo;
    rowHigh = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = Math.unsignedMultiplyHigh(m, P0);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    carry = hi;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    t3 = rowHigh + carry;
    // row 3: t += a * b3, then t = (t + m p) / 2^64 with m making the low limb vanish
    lo = a0 * b3;
    hi = Math.unsignedMultiplyHigh(a0, b3);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t3 = lo;
    rowHigh = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = Math.unsignedMultiplyHigh(m, P0);
    lo += t0;
    hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
    carry = hi;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    lo += t1;
    hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t0 = lo;
    carry = hi;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    lo += t2;
    hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t1 = lo;
    carry = hi;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    lo += t3;
    hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    t2 = lo;
    carry = hi;
    t3 = rowHigh + carry;
    return subtractModulusIfAbove(t0, t1, t2, t3);
  }

  /** Reduces a value below 2p to [0, p). */
  private static Fp subtractModulusIfAbove(long s0, long s1, long s2, long s3) {
    long d0 = s0 - P0;
    long borrow = borrowOut(s0, P0, d0);
    long d1 = s1 - P1 - borrow;
    borrow = borrowOut(s1, P1, d1);
    long d2 = s2 - P2 - borrow;
    borrow = borrowOut(s2, P2, d2);
    long d3 = s3 - P3 - borrow;
    borrow = borrowOut(s3, P3, d3);
    return borrow != 0 ? new Fp(s0, s1, s2, s3) : new Fp(d0, d1, d2, d3);
  }

  private static boolean isOne(long[] a) {
    return a[0] == 1 && (a[1] | a[2] | a[3]) == 0;
  }

  private static void shiftRight(long[] a) {
    a[0] = (a[0] >>> 1) | (a[1] << 63);
    a[1] = (a[1] >>> 1) | (a[2] << 63);
    a[2] = (a[2] >>> 1) | (a[3] << 63);
    a[3] >>>= 1;
  }

  /** a = a / 2 mod p for a below p: an odd a becomes even by adding p (below 2^255, no overflow). */
  private static void halveModP(long[] a) {
    if ((a[0] & 1) != 0) {
      long s0 = a[0] + P0;
      long carry = carryOut(a[0], P0, s0);
      long s1 = a[1] + P1 + carry;
      carry = carryOut(a[1], P1, s1);
      long s2 = a[2] + P2 + carry;
      carry = carryOut(a[2], P2, s2);
      a[0] = s0;
      a[1] = s1;
      a[2] = s2;
      a[3] = a[3] + P3 + carry;
    }
    shiftRight(a);
  }

  /** a = a - b, returning the borrow out. */
  private static long subtract(long[] a, long[] b) {
    long d0 = a[0] - b[0];
    long borrow = borrowOut(a[0], b[0], d0);
    long d1 = a[1] - b[1] - borrow;
    borrow = borrowOut(a[1], b[1], d1);
    long d2 = a[2] - b[2] - borrow;
    borrow = borrowOut(a[2], b[2], d2);
    long d3 = a[3] - b[3] - borrow;
    borrow = borrowOut(a[3], b[3], d3);
    a[0] = d0;
    a[1] = d1;
    a[2] = d2;
    a[3] = d3;
    return borrow;
  }

  /** a = a - b if a >= b; whether it was. */
  private static boolean subtractIfNotBelow(long[] a, long[] b) {
    for (int i = 3; i >= 0; i--) {
      if (a[i] != b[i]) {
        if (Long.compareUnsigned(a[i], b[i]) < 0) {
          return false;
        }
        break;
      }
    }
    subtract(a, b);
    return true;
  }

  /** a = a - b mod p for a and b below p. */
  private static void subtractModP(long[] a, long[] b) {
    if (subtract(a, b) != 0) {
      long s0 = a[0] + P0;
      long carry = carryOut(a[0], P0, s0);
      long s1 = a[1] + P1 + carry;
      carry = carryOut(a[1], P1, s1);
      long s2 = a[2] + P2 + carry;
      carry = carryOut(a[2], P2, s2);
      a[0] = s0;
      a[1] = s1;
      a[2] = s2;
      a[3] = a[3] + P3 + carry;
    }
  }

  /** Carry out of {@code sum = x + y + carryIn} (Hacker's Delight 2-13). */
  private static long carryOut(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** Borrow out of {@code difference = x - y - borrowIn} (Hacker's Delight 2-13). */
  private static long borrowOut(long x, long y, long difference) {
    return ((~x & y) | (~(x ^ y) & difference)) >>> 63;
  }

  private static long limb(BigInteger value, int index) {
    return value.shiftRight(64 * index).longValue();
  }

  /** The limbs of {@code value} as they are, without a move into Montgomery form. */
  private static Fp raw(BigInteger value) {
    return new Fp(limb(value, 0), limb(value, 1), limb(value, 2), limb(value, 3));
  }
}
