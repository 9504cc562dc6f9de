package io.nativerollups.evm.types;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * An immutable unsigned 256-bit integer, used at API boundaries (balances, storage keys and
 * values). Four 64-bit limbs, {@code l3} the most significant. The interpreter keeps its own
 * primitive stack and converts only when it touches state.
 */
public final class UInt256 implements Comparable<UInt256> {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(0, 0, 0, 1);
  public static final UInt256 MAX = new UInt256(-1, -1, -1, -1);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private final long l3;
  private final long l2;
  private final long l1;
  private final long l0;

  private UInt256(long l3, long l2, long l1, long l0) {
    this.l3 = l3;
    this.l2 = l2;
    this.l1 = l1;
    this.l0 = l0;
  }

  /** From limbs, most significant first. */
  public static UInt256 of(long l3, long l2, long l1, long l0) {
    if ((l3 | l2 | l1 | l0) == 0) {
      return ZERO;
    }
    return new UInt256(l3, l2, l1, l0);
  }

  /** From a non-negative long. */
  public static UInt256 valueOf(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative: " + v);
    }
    return of(0, 0, 0, v);
  }

  /** From up to 32 big-endian bytes. */
  public static UInt256 fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  /** From up to 32 big-endian bytes at {@code off}. */
  public static UInt256 fromBytes(byte[] b, int off, int len) {
    if (len > 32) {
      throw new IllegalArgumentException("more than 32 bytes: " + len);
    }
    long[] limbs = new long[4];
    for (int i = 0; i < len; i++) {
      int bitPos = 8 * (len - 1 - i);
      limbs[bitPos >>> 6] |= (b[off + i] & 0xFFL) << (bitPos & 63);
    }
    return of(limbs[3], limbs[2], limbs[1], limbs[0]);
  }

  /** From a value in [0, 2^256). */
  public static UInt256 fromBigInteger(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("out of uint256 range: " + v);
    }
    return of(
        v.shiftRight(192).longValue(),
        v.shiftRight(128).longValue(),
        v.shiftRight(64).longValue(),
        v.longValue());
  }

  /** Parses {@code 0x}-prefixed or bare hex of at most 64 digits. */
  public static UInt256 fromHexString(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.isEmpty()) {
      return ZERO;
    }
    if (h.length() > 64) {
      throw new IllegalArgumentException("more than 64 hex digits: " + hex);
    }
    return fromBigInteger(new BigInteger(h, 16));
  }

  public long limb3() {
    return l3;
  }

  public long limb2() {
    return l2;
  }

  public long limb1() {
    return l1;
  }

  public long limb0() {
    return l0;
  }

  public boolean isZero() {
    return (l3 | l2 | l1 | l0) == 0;
  }

  /** True if the value fits in a non-negative long. */
  public boolean fitsLong() {
    return (l3 | l2 | l1) == 0 && l0 >= 0;
  }

  /** The value as a long; only meaningful when {@link #fitsLong()}. */
  public long toLong() {
    return l0;
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes());
  }

  /** 32 big-endian bytes. */
  public byte[] toBytes() {
    byte[] out = new byte[32];
    putLong(out, 0, l3);
    putLong(out, 8, l2);
    putLong(out, 16, l1);
    putLong(out, 24, l0);
    return out;
  }

  /** Big-endian bytes without leading zeros (empty for zero), as RLP encodes integers. */
  public byte[] toMinimalBytes() {
    byte[] full = toBytes();
    int i = 0;
    while (i < 32 && full[i] == 0) {
      i++;
    }
    return java.util.Arrays.copyOfRange(full, i, 32);
  }

  private static void putLong(byte[] out, int off, long v) {
    for (int i = 0; i < 8; i++) {
      out[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  /** this + other modulo 2^256. */
  public UInt256 add(UInt256 o) {
    long r0 = l0 + o.l0;
    long c = Long.compareUnsigned(r0, l0) < 0 ? 1 : 0;
    long s1 = l1 + o.l1;
    long c1 = Long.compareUnsigned(s1, l1) < 0 ? 1 : 0;
    long r1 = s1 + c;
    c1 |= Long.compareUnsigned(r1, s1) < 0 ? 1 : 0;
    long s2 = l2 + o.l2;
    long c2 = Long.compareUnsigned(s2, l2) < 0 ? 1 : 0;
    long r2 = s2 + c1;
    c2 |= Long.compareUnsigned(r2, s2) < 0 ? 1 : 0;
    long r3 = l3 + o.l3 + c2;
    return of(r3, r2, r1, r0);
  }

  /** this - other modulo 2^256. */
  public UInt256 subtract(UInt256 o) {
    long r0 = l0 - o.l0;
    long b = Long.compareUnsigned(l0, o.l0) < 0 ? 1 : 0;
    long s1 = l1 - o.l1;
    long b1 = Long.compareUnsigned(l1, o.l1) < 0 ? 1 : 0;
    long r1 = s1 - b;
    b1 |= Long.compareUnsigned(s1, b) < 0 ? 1 : 0;
    long s2 = l2 - o.l2;
    long b2 = Long.compareUnsigned(l2, o.l2) < 0 ? 1 : 0;
    long r2 = s2 - b1;
    b2 |= Long.compareUnsigned(s2, b1) < 0 ? 1 : 0;
    long r3 = l3 - o.l3 - b2;
    return of(r3, r2, r1, r0);
  }

  /** this * other modulo 2^256. */
  public UInt256 multiply(UInt256 o) {
    return fromBigInteger(toBigInteger().multiply(o.toBigInteger()).mod(TWO_256));
  }

  @Override
  public int compareTo(UInt256 o) {
    int c = Long.compareUnsigned(l3, o.l3);
    if (c != 0) return c;
    c = Long.compareUnsigned(l2, o.l2);
    if (c != 0) return c;
    c = Long.compareUnsigned(l1, o.l1);
    if (c != 0) return c;
    return Long.compareUnsigned(l0, o.l0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt256 u && l0 == u.l0 && l1 == u.l1 && l2 == u.l2 && l3 == u.l3;
  }

  @Override
  public int hashCode() {
    long h = l0 * 31 + l1;
    h = h * 31 + l2;
    h = h * 31 + l3;
    return Long.hashCode(h);
  }

  /** Minimal {@code 0x} hex, "0x0" for zero. */
  public String toHexString() {
    return "0x" + toBigInteger().toString(16);
  }

  /** 64 hex digits with {@code 0x}. */
  public String toPaddedHexString() {
    return "0x" + HexFormat.of().formatHex(toBytes());
  }

  @Override
  public String toString() {
    return toHexString();
  }
}
