package io.nativerollups.evm.precompile.bls;

/**
 * A finite curve point in affine coordinates over Fp or Fp2.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 * @param <F> the coordinate field
 */
record AffinePoint<F extends FieldElement<F>>(F x, F y) {}
