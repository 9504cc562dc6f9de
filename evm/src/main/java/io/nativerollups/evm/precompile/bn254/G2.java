package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * G2: the subgroup of order r of the twist {@code y^2 = x^3 + 3/(9 + i)} over F_p^2. Unlike G1 the
 * twist has a large cofactor, so a point on it need not be in G2: decoding checks both.
 */
final class G2 {

  static final Curve<Fp2> CURVE =
      new Curve<>(new Fp2(Fp.valueOf(3), Fp.ZERO).multiply(Fp2.XI.inverse()), Fp2.ONE);

  /** The generator P2 of EIP-197. */
  static final JacobianPoint<Fp2> GENERATOR =
      CURVE.pointAt(
          new Fp2(
              fp("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
              fp("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
          new Fp2(
              fp("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
              fp("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  static final int ENCODED_LENGTH = 128;

  /**
   * p - r, which is 6u^2 and p mod r: the eigenvalue of {@link #frobenius} on G2. (Taken from p and
   * r rather than from u, so that this class's initialisation does not depend on the pairing's.)
   */
  private static final BigInteger SIX_U_SQUARED = Fp.MODULUS.subtract(G1.ORDER);

  private G2() {}

  /**
   * Reads the 128 bytes at {@code offset} (x then y, each imaginary part first, as EIP-197 encodes
   * them): null if a coordinate is not below p, the point is not on the twist, or not in G2.
   */
  static JacobianPoint<Fp2> decode(byte[] in, int offset) {
    Fp2 x = Fp2.fromBytes(in, offset);
    Fp2 y = Fp2.fromBytes(in, offset + 64);
    if (x == null || y == null) {
      return null;
    }
    if (x.isZero() && y.isZero()) {
      return CURVE.infinity();
    }
    JacobianPoint<Fp2> point = CURVE.pointAt(x, y);
    return point != null && isInSubgroup(point) ? point : null;
  }

  /**
   * Whether a point of the twist has order r (or is infinity), by the test psi(Q) = [6u^2]Q, which
   * is exact. psi is the p-power Frobenius of the curve over F_p carried over to the twist, so it
   * satisfies psi^2 - t psi + p = 0 with trace t = p + 1 - r = 6u^2 + 1. Then psi(Q) = [6u^2]Q
   * gives
   *
   * <pre>[(6u^2)^2 - (6u^2 + 1) 6u^2 + p]Q = [p - 6u^2]Q = [r]Q = 0</pre>
   *
   * <p>and conversely psi acts on G2 as multiplication by p = 6u^2 mod r. The scalar has 127 bits
   * where r has 254.
   */
  static boolean isInSubgroup(JacobianPoint<Fp2> point) {
    return point.isInfinity()
        || frobenius(point.normalized()).equals(point.multiply(SIX_U_SQUARED));
  }

  /**
   * psi(Q) for an affine Q: the p-power Frobenius of the curve over F_p^12 seen through the
   * untwisting map (x, y) -> (x w^2, y w^3), that is (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2)).
   * The result is affine too.
   */
  static JacobianPoint<Fp2> frobenius(JacobianPoint<Fp2> affine) {
    if (affine.isInfinity()) {
      return affine;
    }
    Fp2[] gamma = Fp12.FROBENIUS_GAMMA[1];
    return JacobianPoint.affine(
        CURVE,
        affine.x().conjugate().multiply(gamma[2]),
        affine.y().conjugate().multiply(gamma[3]));
  }

  private static Fp fp(String decimal) {
    return Fp.valueOf(new BigInteger(decimal));
  }
}
