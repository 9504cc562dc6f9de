package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing on BN254: a Miller loop over 6u+2 with the two Frobenius correction
 * lines, then the final exponentiation to the power (p^12 - 1) / r.
 *
 * <p>G2 points are on the twist; the untwisting map {@code (x, y) -> (x w^2, y w^3)} puts them on
 * the curve over F_p^12, where a line through them evaluated at a G1 point P is sparse, of the
 * shape {@code l0 + l1 w + l3 w^3}. Lines are scaled by F_p^2 factors, which the final
 * exponentiation removes, so no inversion is needed in the loop.
 */
final class Bn254Pairing {

  /** u, the BN parameter: p and r are polynomials in it. */
  static final BigInteger U = new BigInteger("4965661367192848881");

  /**
   * The digits of u and of the loop length 6u + 2 in non-adjacent form, least significant first.
   */
  private static final int[] U_DIGITS = nonAdjacentForm(U);

  private static final int[] LOOP_DIGITS =
      nonAdjacentForm(U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  private static final Fp HALF = Fp.valueOf(2).inverse();
  private static final Fp2 THREE_B = G2.CURVE.b().doubled().add(G2.CURVE.b());

  private Bn254Pairing() {}

  /**
   * Whether {@code e(p[0], q[0]) * ... * e(p[k-1], q[k-1]) = 1}, the check of the EIP-197
   * precompile. The points must be valid members of G1 and G2; pairs with an infinity contribute 1.
   */
  static boolean isProductOne(List<JacobianPoint<Fp>> p, List<JacobianPoint<Fp2>> q) {
    return finalExponentiation(millerLoop(p, q)).isOne();
  }

  /** The reduced pairing {@code e(p, q)} itself. */
  static Fp12 pair(JacobianPoint<Fp> p, JacobianPoint<Fp2> q) {
    return finalExponentiation(millerLoop(List.of(p), List.of(q)));
  }

  /** The product of the Miller loops of all pairs, sharing the squarings of the accumulator. */
  static Fp12 millerLoop(List<JacobianPoint<Fp>> p, List<JacobianPoint<Fp2>> q) {
    List<LoopState> pairs = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      if (!p.get(i).isInfinity() && !q.get(i).isInfinity()) {
        pairs.add(new LoopState(p.get(i).normalized(), q.get(i).normalized()));
      }
    }
    Fp12 f = Fp12.ONE;
    if (pairs.isEmpty()) {
      return f;
    }
    for (int i = LOOP_DIGITS.length - 2; i >= 0; i--) {
      f = f.square();
      for (LoopState pair : pairs) {
        f = pair.doublingStep(f);
      }
      if (LOOP_DIGITS[i] != 0) {
        for (LoopState pair : pairs) {
          f = pair.additionStep(f, pair.q.x(), LOOP_DIGITS[i] > 0 ? pair.q.y() : pair.minusQy);
        }
      }
    }
    for (LoopState pair : pairs) {
      // the optimal ate correction: lines through T and Q1 = psi(Q), then T + Q1 and -Q2 =
      // -psi^2(Q)
      JacobianPoint<Fp2> q1 = G2.frobenius(pair.q);
      JacobianPoint<Fp2> q2 = G2.frobenius(q1);
      f = pair.additionStep(f, q1.x(), q1.y());
      f = pair.additionStep(f, q2.x(), q2.y().negate());
    }
    return f;
  }

  /**
   * {@code f^((p^12 - 1) / r)}: the easy part (p^6 - 1)(p^2 + 1) by conjugation, one inversion and
   * a Frobenius; the hard part (p^4 - p^2 + 1) / r = l0 + l1 p + l2 p^2 + l3 p^3 with its
   * coefficients polynomials in u (Scott et al., "On the final exponentiation for calculating
   * pairings on ordinary elliptic curves"), from three exponentiations by u. After the easy part f
   * is unitary, so conjugation inverts it.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().multiply(f.inverse());
    t = t.frobenius(2).multiply(t);

    Fp12 fu = t.cyclotomicPow(U_DIGITS);
    Fp12 fu2 = fu.cyclotomicPow(U_DIGITS);
    Fp12 fu3 = fu2.cyclotomicPow(U_DIGITS);

    Fp12 y0 = t.frobenius(1).multiply(t.frobenius(2)).multiply(t.frobenius(3));
    Fp12 y1 = t.conjugate();
    Fp12 y2 = fu2.frobenius(2);
    Fp12 y3 = fu.frobenius(1).conjugate();
    Fp12 y4 = fu.multiply(fu2.frobenius(1)).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.multiply(fu3.frobenius(1)).conjugate();

    Fp12 t0 = y6.cyclotomicSquare().multiply(y4).multiply(y5);
    Fp12 t1 = y3.multiply(y5).multiply(t0);
    t0 = t0.multiply(y2);
    t1 = t1.cyclotomicSquare().multiply(t0).cyclotomicSquare();
    t0 = t1.multiply(y1);
    t1 = t1.multiply(y0);
    return t0.cyclotomicSquare().multiply(t1);
  }

  /**
   * One pair's part of the loop: the G1 point P, the G2 point Q and the running multiple T of Q in
   * homogeneous projective coordinates (x = X/Z, y = Y/Z) on the twist.
   */
  private static final class LoopState {
    final Fp px;
    final Fp py;

    /** Q, affine. */
    final JacobianPoint<Fp2> q;

    /** The y of -Q, for the loop's digits -1. */
    final Fp2 minusQy;

    Fp2 tx;
    Fp2 ty;
    Fp2 tz;

    LoopState(JacobianPoint<Fp> p, JacobianPoint<Fp2> q) {
      px = p.x();
      py = p.y();
      this.q = q;
      minusQy = q.y().negate();
      tx = q.x();
      ty = q.y();
      tz = Fp2.ONE;
    }

    /**
     * T = 2T, and f times the tangent at T evaluated at P. With the slope 3x^2/(2y) the tangent is
     * {@code y_P - slope x_P w + (slope x_T - y_T) w^3}; scaled by 2YZ and with the curve equation
     * this becomes {@code 2YZ y_P - 3X^2 x_P w + (Y^2 - 3b'Z^2) w^3}. Doubling formulas from
     * Costello, Lange and Naehrig as given by Aranha et al. for a = 0.
     */
    Fp12 doublingStep(Fp12 f) {
      Fp2 a = tx.multiply(ty).multiply(HALF);
      Fp2 b = ty.square();
      Fp2 c = tz.square();
      Fp2 e = c.multiply(THREE_B);
      Fp2 threeE = e.doubled().add(e);
      Fp2 g = b.add(threeE).multiply(HALF);
      Fp2 h = ty.add(tz).square().subtract(b).subtract(c);
      Fp2 j = tx.square();

      Fp2 l0 = h.multiply(py);
      Fp2 l1 = j.doubled().add(j).multiply(px).negate();
      Fp2 l3 = b.subtract(e);

      Fp2 eSquared = e.square();
      tx = a.multiply(b.subtract(threeE));
      ty = g.square().subtract(eSquared.doubled().add(eSquared));
      tz = b.multiply(h);
      return f.multiplyByLine(l0, l1, l3);
    }

    /**
     * T = T + R for the affine R = (x2, y2), and f times the line through T and R at P. With {@code
     * theta = Y - y2 Z} and {@code lambda = X - x2 Z} the slope is theta / lambda; scaled by lambda
     * the line is {@code lambda y_P - theta x_P w + (theta x2 - lambda y2) w^3}.
     */
    Fp12 additionStep(Fp12 f, Fp2 x2, Fp2 y2) {
      Fp2 theta = ty.subtract(y2.multiply(tz));
      Fp2 lambda = tx.subtract(x2.multiply(tz));

      Fp2 l0 = lambda.multiply(py);
      Fp2 l1 = theta.multiply(px).negate();
      Fp2 l3 = theta.multiply(x2).subtract(lambda.multiply(y2));

      Fp2 c = theta.square();
      Fp2 d = lambda.square();
      Fp2 e = lambda.multiply(d);
      Fp2 ff = tz.multiply(c);
      Fp2 g = tx.multiply(d);
      Fp2 h = e.add(ff).subtract(g.doubled());
      tx = lambda.multiply(h);
      ty = theta.multiply(g.subtract(h)).subtract(ty.multiply(e));
      tz = tz.multiply(e);
      return f.multiplyByLine(l0, l1, l3);
    }
  }

  private static int[] nonAdjacentForm(BigInteger k) {
    List<Integer> digits = new ArrayList<>();
    while (k.signum() > 0) {
      int digit = 0;
      if (k.testBit(0)) {
        digit = 2 - k.mod(BigInteger.valueOf(4)).intValue();
        k = k.subtract(BigInteger.valueOf(digit));
      }
      digits.add(digit);
      k = k.shiftRight(1);
    }
    return digits.stream().mapToInt(Integer::intValue).toArray();
  }
}
