package io.nativerollups.evm.precompile.bn254;

/**
 * The field operations the curve arithmetic needs, so that one set of point formulas serves both G1
 * (over {@link Fp}) and G2 (over {@link Fp2}). Elements are immutable.
 *
 * @param <F> the implementing field type
 */
interface FieldElement<F extends FieldElement<F>> {

  F add(F other);

  F subtract(F other);

  F multiply(F other);

  F square();

  /** {@code 2 * this}. */
  F doubled();

  F negate();

  /** The multiplicative inverse; the inverse of zero is zero. */
  F inverse();

  boolean isZero();
}
