package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * G1: the points of {@code y^2 = x^3 + 3} over F_p. Its cofactor is 1, so every point on the curve
 * is in the group. Encoded for the EVM as two 32-byte big-endian coordinates, (0, 0) for infinity.
 */
final class G1 {

  /** r, the prime order of G1, G2 and the pairing's target group. */
  static final BigInteger ORDER =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  static final Curve<Fp> CURVE = new Curve<>(Fp.valueOf(3), Fp.ONE);

  /** The generator (1, 2) of EIP-197. */
  static final JacobianPoint<Fp> GENERATOR = CURVE.pointAt(Fp.ONE, Fp.valueOf(2));

  static final int ENCODED_LENGTH = 64;

  private G1() {}

  /**
   * Reads the 64 bytes at {@code offset}: null if a coordinate is not below p or the point is not
   * on the curve.
   */
  static JacobianPoint<Fp> decode(byte[] in, int offset) {
    Fp x = Fp.fromBytes(in, offset);
    Fp y = Fp.fromBytes(in, offset + 32);
    if (x == null || y == null) {
      return null;
    }
    if (x.isZero() && y.isZero()) {
      return CURVE.infinity();
    }
    return CURVE.pointAt(x, y);
  }

  /** The 64-byte affine encoding. */
  static byte[] encode(JacobianPoint<Fp> point) {
    byte[] out = new byte[ENCODED_LENGTH];
    if (!point.isInfinity()) {
      JacobianPoint<Fp> affine = point.normalized();
      affine.x().toBytes(out, 0);
      affine.y().toBytes(out, 32);
    }
    return out;
  }
}
