package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;

/**
 * EIP-2537 point addition in G1 or G2: exactly two encoded points in, their sum out. The points
 * must be on the curve (or infinity) but, per the EIP, are not subgroup-checked.
 *
 * @param <P> blst's projective point type
 * @param <A> blst's affine point type
 */
abstract class AbstractBls12AddPrecompile<P, A> implements PrecompiledContract {

  private final Bls12Group<P, A> group;
  private final long gas;

  AbstractBls12AddPrecompile(Bls12Group<P, A> group, long gas) {
    this.group = group;
    this.gas = gas;
  }

  @Override
  public final long gasRequirement(byte[] input) {
    return gas;
  }

  @Override
  public final byte[] compute(byte[] input) {
    int pointLength = group.encodedLength();
    if (input.length != 2 * pointLength) {
      return null;
    }
    A first = group.decode(input, 0);
    A second = group.decode(input, pointLength);
    if (first == null || second == null) {
      return null;
    }
    return group.encode(group.addAffine(group.toProjective(first), second));
  }
}
