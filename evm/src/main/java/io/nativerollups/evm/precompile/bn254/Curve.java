package io.nativerollups.evm.precompile.bn254;

/**
 * A short Weierstrass curve {@code y^2 = x^3 + b} over the field F: G1's curve over F_p (b = 3) and
 * G2's twist over F_p^2 (b = 3 / (9 + i)).
 *
 * @param b the curve constant
 * @param one the field's unit, for the point at infinity and for affine points
 * @param <F> the coordinate field
 */
record Curve<F extends FieldElement<F>>(F b, F one) {

  boolean contains(F x, F y) {
    return y.square().equals(x.square().multiply(x).add(b));
  }

  JacobianPoint<F> infinity() {
    return JacobianPoint.infinity(this);
  }

  /** The affine point {@code (x, y)}, or null if it is not on this curve. */
  JacobianPoint<F> pointAt(F x, F y) {
    return contains(x, y) ? JacobianPoint.affine(this, x, y) : null;
  }
}
