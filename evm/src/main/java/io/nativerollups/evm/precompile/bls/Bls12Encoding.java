package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537's encodings of field elements, points and scalars, translated to and from blst's
 * uncompressed serialization.
 *
 * <p>EIP-2537 pads every 48-byte field element to 64 bytes, orders Fp2 coefficients {@code c0 ||
 * c1}, and encodes infinity as all zeros. blst packs coordinates in 48 bytes, orders Fp2
 * coefficients {@code c1 || c0}, and flags infinity with bit 0x40 of the first byte.
 */
final class Bls12Encoding {

  /** Length of an encoded Fp element. */
  static final int FP_LENGTH = 64;

  /** Length of an encoded Fp2 element. */
  static final int FP2_LENGTH = 2 * FP_LENGTH;

  /** Length of an encoded G1 point. */
  static final int G1_LENGTH = 2 * FP_LENGTH;

  /** Length of an encoded G2 point. */
  static final int G2_LENGTH = 2 * FP2_LENGTH;

  /** Length of an encoded scalar. */
  static final int SCALAR_LENGTH = 32;

  private static final int FP_BYTES = 48;
  private static final int PADDING = FP_LENGTH - FP_BYTES;
  private static final byte BLST_INFINITY_FLAG = 0x40;
  private static final byte[] MODULUS = toFpBytes(Fp.P);

  /**
   * (0, 2), a G1 curve point of order 3. blst refuses to deserialize (0, 2) and (0, -2), yet G1ADD
   * must accept them (it does no subgroup check), so they are built by arithmetic instead.
   */
  private static final P1_Affine ORDER_THREE_POINT = orderThreePoint();

  private static final P1_Affine ORDER_THREE_POINT_NEGATED =
      new P1(ORDER_THREE_POINT).neg().to_affine();

  private Bls12Encoding() {}

  /**
   * The G1 point encoded at {@code input[offset, offset + 128)}, or null when a coordinate is not a
   * canonical field element or the point is neither on the curve nor infinity. No subgroup check.
   */
  static P1_Affine decodeG1(byte[] input, int offset) {
    byte[] blst = toBlstSerialization(input, offset, 2, false);
    return blst == null ? null : g1FromBlst(blst);
  }

  /** As {@link #decodeG1} for a G2 point at {@code input[offset, offset + 256)}. */
  static P2_Affine decodeG2(byte[] input, int offset) {
    byte[] blst = toBlstSerialization(input, offset, 4, true);
    if (blst == null) {
      return null;
    }
    try {
      return new P2_Affine(blst);
    } catch (RuntimeException notOnCurve) {
      return null;
    }
  }

  /** The 128-byte encoding of a G1 point. */
  static byte[] encodeG1(P1 point) {
    return point.is_inf() ? new byte[G1_LENGTH] : fromBlstSerialization(point.serialize(), false);
  }

  /** The 256-byte encoding of a G2 point. */
  static byte[] encodeG2(P2 point) {
    return point.is_inf() ? new byte[G2_LENGTH] : fromBlstSerialization(point.serialize(), true);
  }

  /** The Fp element encoded at {@code input[offset, offset + 64)}, or null if not canonical. */
  static Fp decodeFp(byte[] input, int offset) {
    if (!isCanonicalFp(input, offset)) {
      return null;
    }
    return new Fp(
        new BigInteger(1, Arrays.copyOfRange(input, offset + PADDING, offset + FP_LENGTH)));
  }

  /** The G1 point at these affine coordinates (on the curve), or infinity for null. */
  static P1 g1Point(AffinePoint<Fp> point) {
    if (point == null) {
      return new P1();
    }
    return new P1(g1FromBlst(concat(toFpBytes(point.x().value()), toFpBytes(point.y().value()))));
  }

  /** The G2 point at these affine coordinates (on the curve), or infinity for null. */
  static P2 g2Point(AffinePoint<Fp2> point) {
    if (point == null) {
      return new P2();
    }
    return new P2(
        concat(
            toFpBytes(point.x().c1().value()),
            toFpBytes(point.x().c0().value()),
            toFpBytes(point.y().c1().value()),
            toFpBytes(point.y().c0().value())));
  }

  /** Whether the 32-byte scalar at {@code input[offset, offset + 32)} is zero. */
  static boolean isZeroScalar(byte[] input, int offset) {
    return isZero(input, offset, SCALAR_LENGTH);
  }

  /** A copy of the 32-byte big-endian scalar at {@code input[offset, offset + 32)}. */
  static byte[] scalarAt(byte[] input, int offset) {
    return Arrays.copyOfRange(input, offset, offset + SCALAR_LENGTH);
  }

  /** The G1 point of this blst serialization, or null if it is not on the curve. */
  private static P1_Affine g1FromBlst(byte[] blst) {
    try {
      return new P1_Affine(blst);
    } catch (RuntimeException rejected) {
      if (!isZero(blst, 0, FP_BYTES)) {
        return null;
      }
      BigInteger y = new BigInteger(1, Arrays.copyOfRange(blst, FP_BYTES, 2 * FP_BYTES));
      if (y.equals(BigInteger.TWO)) {
        return ORDER_THREE_POINT;
      }
      return y.equals(Fp.P.subtract(BigInteger.TWO)) ? ORDER_THREE_POINT_NEGATED : null;
    }
  }

  /** (0, 2) as ((0, 2) + G) - G, the first sum computed in affine coordinates over Fp. */
  private static P1_Affine orderThreePoint() {
    byte[] generator = P1_Affine.generator().serialize();
    Fp gx = new Fp(new BigInteger(1, Arrays.copyOfRange(generator, 0, FP_BYTES)));
    Fp gy = new Fp(new BigInteger(1, Arrays.copyOfRange(generator, FP_BYTES, 2 * FP_BYTES)));
    Fp two = Fp.of(2);
    Fp slope = gy.subtract(two).multiply(gx.inverse());
    Fp sumX = slope.square().subtract(gx);
    Fp sumY = slope.multiply(sumX).negate().subtract(two);
    P1 sum = new P1(concat(toFpBytes(sumX.value()), toFpBytes(sumY.value())));
    return sum.add(P1.generator().neg()).to_affine();
  }

  /**
   * blst's uncompressed serialization of the point made of {@code elements} field elements at
   * {@code input[offset, ...)}, or null if one is not canonical. For G2 ({@code swapPairs}) each
   * Fp2's coefficients are swapped to blst's order.
   */
  private static byte[] toBlstSerialization(
      byte[] input, int offset, int elements, boolean swapPairs) {
    byte[] blst = new byte[elements * FP_BYTES];
    if (isZero(input, offset, elements * FP_LENGTH)) {
      blst[0] = BLST_INFINITY_FLAG;
      return blst;
    }
    for (int i = 0; i < elements; i++) {
      int source = offset + i * FP_LENGTH;
      if (!isCanonicalFp(input, source)) {
        return null;
      }
      int target = (swapPairs ? i ^ 1 : i) * FP_BYTES;
      System.arraycopy(input, source + PADDING, blst, target, FP_BYTES);
    }
    return blst;
  }

  private static byte[] fromBlstSerialization(byte[] blst, boolean swapPairs) {
    int elements = blst.length / FP_BYTES;
    byte[] encoded = new byte[elements * FP_LENGTH];
    for (int i = 0; i < elements; i++) {
      int target = (swapPairs ? i ^ 1 : i) * FP_LENGTH + PADDING;
      System.arraycopy(blst, i * FP_BYTES, encoded, target, FP_BYTES);
    }
    return encoded;
  }

  /** Zero padding and a value below p, compared as unsigned big-endian bytes. */
  private static boolean isCanonicalFp(byte[] input, int offset) {
    return isZero(input, offset, PADDING)
        && Arrays.compareUnsigned(input, offset + PADDING, offset + FP_LENGTH, MODULUS, 0, FP_BYTES)
            < 0;
  }

  private static boolean isZero(byte[] input, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (input[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] toFpBytes(BigInteger value) {
    byte[] minimal = value.toByteArray();
    byte[] fixed = new byte[FP_BYTES];
    int length = Math.min(minimal.length, FP_BYTES);
    System.arraycopy(minimal, minimal.length - length, fixed, FP_BYTES - length, length);
    return fixed;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] joined = new byte[parts.length * FP_BYTES];
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, joined, i * FP_BYTES, FP_BYTES);
    }
    return joined;
  }
}
