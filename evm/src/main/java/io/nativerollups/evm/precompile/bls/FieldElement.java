package io.nativerollups.evm.precompile.bls;

/**
 * The field operations the simplified SWU map needs, so one implementation serves Fp (G1) and Fp2
 * (G2).
 *
 * @param <F> the implementing element type
 */
interface FieldElement<F extends FieldElement<F>> {

  /** this + other. */
  F add(F other);

  /** this - other. */
  F subtract(F other);

  /** this * other. */
  F multiply(F other);

  /** -this. */
  F negate();

  /** The multiplicative inverse, or zero for zero (RFC 9380's inv0). */
  F inverse();

  /** A square root, or null when this is not a square. */
  F sqrt();

  /** RFC 9380's sgn0: the "sign" bit used to pick between y and -y. */
  int sgn0();

  /** Whether this is zero. */
  boolean isZero();

  /** this * this. */
  @SuppressWarnings("unchecked")
  default F square() {
    return multiply((F) this);
  }
}
