package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * G1 or G2 as blst implements it, behind one interface so that addition and MSM are written once
 * for both groups.
 *
 * <p>blst's point operations work in place on the receiver and return it; the methods here that
 * take a {@code sum} or {@code point} to update follow that convention.
 *
 * @param <P> blst's projective point type (P1 or P2)
 * @param <A> blst's affine point type (P1_Affine or P2_Affine)
 */
abstract class Bls12Group<P, A> {

  /** G1: points over Fp, 128 bytes encoded. */
  static final Bls12Group<P1, P1_Affine> G1 =
      new Bls12Group<>(Bls12Encoding.G1_LENGTH) {
        @Override
        P1_Affine decode(byte[] input, int offset) {
          return Bls12Encoding.decodeG1(input, offset);
        }

        @Override
        byte[] encode(P1 point) {
          return Bls12Encoding.encodeG1(point);
        }

        @Override
        boolean isInSubgroup(P1_Affine point) {
          return point.in_group();
        }

        @Override
        boolean isInfinity(P1_Affine point) {
          return point.is_inf();
        }

        @Override
        P1 infinity() {
          return new P1();
        }

        @Override
        P1 toProjective(P1_Affine point) {
          return new P1(point);
        }

        @Override
        P1 addAffine(P1 sum, P1_Affine point) {
          return sum.add(point);
        }

        @Override
        P1 add(P1 sum, P1 point) {
          return sum.add(point);
        }

        @Override
        P1 doubled(P1 point) {
          return point.dbl();
        }

        @Override
        P1_Affine negated(P1_Affine point) {
          return new P1(point).neg().to_affine();
        }

        @Override
        P1 multiply(P1_Affine point, BigInteger scalar) {
          return new P1(point).mult(scalar);
        }
      };

  /** G2: points over Fp2, 256 bytes encoded. */
  static final Bls12Group<P2, P2_Affine> G2 =
      new Bls12Group<>(Bls12Encoding.G2_LENGTH) {
        @Override
        P2_Affine decode(byte[] input, int offset) {
          return Bls12Encoding.decodeG2(input, offset);
        }

        @Override
        byte[] encode(P2 point) {
          return Bls12Encoding.encodeG2(point);
        }

        @Override
        boolean isInSubgroup(P2_Affine point) {
          return point.in_group();
        }

        @Override
        boolean isInfinity(P2_Affine point) {
          return point.is_inf();
        }

        @Override
        P2 infinity() {
          return new P2();
        }

        @Override
        P2 toProjective(P2_Affine point) {
          return new P2(point);
        }

        @Override
        P2 addAffine(P2 sum, P2_Affine point) {
          return sum.add(point);
        }

        @Override
        P2 add(P2 sum, P2 point) {
          return sum.add(point);
        }

        @Override
        P2 doubled(P2 point) {
          return point.dbl();
        }

        @Override
        P2_Affine negated(P2_Affine point) {
          return new P2(point).neg().to_affine();
        }

        @Override
        P2 multiply(P2_Affine point, BigInteger scalar) {
          return new P2(point).mult(scalar);
        }
      };

  private final int encodedLength;

  private Bls12Group(int encodedLength) {
    this.encodedLength = encodedLength;
  }

  /** Length of an encoded point. */
  final int encodedLength() {
    return encodedLength;
  }

  /** The point encoded at {@code input[offset, ...)}, on the curve; null if invalid. */
  abstract A decode(byte[] input, int offset);

  /** The EIP-2537 encoding of {@code point}. */
  abstract byte[] encode(P point);

  /** Whether {@code point} is in the order-q subgroup (infinity is). */
  abstract boolean isInSubgroup(A point);

  /** Whether {@code point} is the point at infinity. */
  abstract boolean isInfinity(A point);

  /** The point at infinity, a new object. */
  abstract P infinity();

  /** A new projective copy of {@code point}. */
  abstract P toProjective(A point);

  /** {@code sum += point}, returning sum. */
  abstract P addAffine(P sum, A point);

  /** {@code sum += point}, returning sum. */
  abstract P add(P sum, P point);

  /** {@code point = 2 point}, returning point. */
  abstract P doubled(P point);

  /** -point, a new object. */
  abstract A negated(A point);

  /** scalar * point, a new object; blst's own (GLV for scalars below q) multiplication. */
  abstract P multiply(A point, BigInteger scalar);
}
