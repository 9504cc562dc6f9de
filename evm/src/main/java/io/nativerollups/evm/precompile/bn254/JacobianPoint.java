package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of a short Weierstrass curve {@code y^2 = x^3 + b} (a = 0) in Jacobian coordinates:
 * {@code (X, Y, Z)} stands for the affine {@code (X/Z^2, Y/Z^3)}, and Z = 0 for the point at
 * infinity. The formulas do not depend on b, so G1 and G2 share them. Immutable.
 *
 * @param <F> the coordinate field
 */
final class JacobianPoint<F extends FieldElement<F>> {

  private static final int WINDOW_BITS = 4;

  private final Curve<F> curve;
  private final F x;
  private final F y;
  private final F z;

  private JacobianPoint(Curve<F> curve, F x, F y, F z) {
    this.curve = curve;
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The affine point {@code (x, y)}; the caller has checked it is on the curve. */
  static <F extends FieldElement<F>> JacobianPoint<F> affine(Curve<F> curve, F x, F y) {
    return new JacobianPoint<>(curve, x, y, curve.one());
  }

  static <F extends FieldElement<F>> JacobianPoint<F> infinity(Curve<F> curve) {
    F one = curve.one();
    return new JacobianPoint<>(curve, one, one, one.subtract(one));
  }

  boolean isInfinity() {
    return z.isZero();
  }

  /** X; the affine x once {@link #normalized()}. */
  F x() {
    return x;
  }

  /** Y; the affine y once {@link #normalized()}. */
  F y() {
    return y;
  }

  /** The same point with Z = 1, or the point at infinity as it is. One field inversion. */
  JacobianPoint<F> normalized() {
    if (isInfinity()) {
      return this;
    }
    F zInverse = z.inverse();
    F zInverseSquared = zInverse.square();
    return new JacobianPoint<>(
        curve,
        x.multiply(zInverseSquared),
        y.multiply(zInverseSquared).multiply(zInverse),
        curve.one());
  }

  /** Whether {@code Y^2 = X^3 + b Z^6}, the curve equation in Jacobian coordinates. */
  boolean isOnCurve() {
    F z2 = z.square();
    F z6 = z2.square().multiply(z2);
    return y.square().equals(x.square().multiply(x).add(curve.b().multiply(z6)));
  }

  JacobianPoint<F> negate() {
    return new JacobianPoint<>(curve, x, y.negate(), z);
  }

  /** 2P by dbl-2009-l (2M + 5S). */
  JacobianPoint<F> doubled() {
    if (isInfinity()) {
      return this;
    }
    F a = x.square();
    F b = y.square();
    F c = b.square();
    F d = x.add(b).square().subtract(a).subtract(c).doubled();
    F e = a.doubled().add(a);
    F x3 = e.square().subtract(d.doubled());
    F y3 = e.multiply(d.subtract(x3)).subtract(c.doubled().doubled().doubled());
    F z3 = y.multiply(z).doubled();
    return new JacobianPoint<>(curve, x3, y3, z3);
  }

  /** P + Q by add-2007-bl (11M + 5S), falling back to doubling when P = Q. */
  JacobianPoint<F> add(JacobianPoint<F> o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    F z1z1 = z.square();
    F z2z2 = o.z.square();
    F u1 = x.multiply(z2z2);
    F u2 = o.x.multiply(z1z1);
    F s1 = y.multiply(o.z).multiply(z2z2);
    F s2 = o.y.multiply(z).multiply(z1z1);
    F h = u2.subtract(u1);
    F r = s2.subtract(s1).doubled();
    if (h.isZero()) {
      return r.isZero() ? doubled() : curve.infinity();
    }
    F i = h.doubled().square();
    F j = h.multiply(i);
    F v = u1.multiply(i);
    F x3 = r.square().subtract(j).subtract(v.doubled());
    F y3 = r.multiply(v.subtract(x3)).subtract(s1.multiply(j).doubled());
    F z3 = z.add(o.z).square().subtract(z1z1).subtract(z2z2).multiply(h);
    return new JacobianPoint<>(curve, x3, y3, z3);
  }

  /** {@code k * P} for a non-negative k, by a fixed window of four bits. */
  JacobianPoint<F> multiply(BigInteger k) {
    JacobianPoint<F> result = curve.infinity();
    if (k.signum() == 0 || isInfinity()) {
      return result;
    }
    @SuppressWarnings("unchecked")
    JacobianPoint<F>[] multiples = (JacobianPoint<F>[]) new JacobianPoint<?>[1 << WINDOW_BITS];
    multiples[1] = this;
    multiples[2] = doubled();
    for (int m = 3; m < multiples.length; m++) {
      multiples[m] = multiples[m - 1].add(this);
    }
    for (int window = (k.bitLength() - 1) / WINDOW_BITS; window >= 0; window--) {
      for (int d = 0; d < WINDOW_BITS; d++) {
        result = result.doubled();
      }
      int digit = 0;
      for (int bit = WINDOW_BITS - 1; bit >= 0; bit--) {
        digit = (digit << 1) | (k.testBit(window * WINDOW_BITS + bit) ? 1 : 0);
      }
      if (digit != 0) {
        result = result.add(multiples[digit]);
      }
    }
    return result;
  }

  /** Whether both stand for the same affine point. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof JacobianPoint<?> o) || !o.curve.equals(curve)) {
      return false;
    }
    @SuppressWarnings("unchecked")
    JacobianPoint<F> that = (JacobianPoint<F>) o;
    if (isInfinity() || that.isInfinity()) {
      return isInfinity() && that.isInfinity();
    }
    F z1z1 = z.square();
    F z2z2 = that.z.square();
    return x.multiply(z2z2).equals(that.x.multiply(z1z1))
        && y.multiply(z2z2).multiply(that.z).equals(that.y.multiply(z1z1).multiply(z));
  }

  @Override
  public int hashCode() {
    JacobianPoint<F> n = normalized();
    return isInfinity() ? 0 : 31 * n.x.hashCode() + n.y.hashCode();
  }

  @Override
  public String toString() {
    JacobianPoint<F> n = normalized();
    return isInfinity() ? "infinity" : "(" + n.x + ", " + n.y + ")";
  }
}
