package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.util.ArrayList;
import java.util.List;

/**
 * EIP-2537 multi-scalar multiplication in G1 or G2: k >= 1 (point, 32-byte scalar) pairs in, the
 * sum of the products out. Every point must be on the curve and in the subgroup (infinity is), even
 * when its scalar is zero; scalars may exceed the group order.
 *
 * @param <P> blst's projective point type
 * @param <A> blst's affine point type
 */
abstract class AbstractBls12MsmPrecompile<P, A> implements PrecompiledContract {

  private final Bls12Group<P, A> group;
  private final Bls12MsmPricing pricing;

  AbstractBls12MsmPrecompile(Bls12Group<P, A> group, Bls12MsmPricing pricing) {
    this.group = group;
    this.pricing = pricing;
  }

  @Override
  public final long gasRequirement(byte[] input) {
    return pricing.gas(input.length);
  }

  @Override
  public final byte[] compute(byte[] input) {
    int pairLength = pricing.pairLength();
    if (input.length == 0 || input.length % pairLength != 0) {
      return null;
    }
    List<A> points = new ArrayList<>();
    List<byte[]> scalars = new ArrayList<>();
    for (int offset = 0; offset < input.length; offset += pairLength) {
      A point = group.decode(input, offset);
      if (point == null || !group.isInSubgroup(point)) {
        return null;
      }
      int scalarOffset = offset + group.encodedLength();
      if (!group.isInfinity(point) && !Bls12Encoding.isZeroScalar(input, scalarOffset)) {
        points.add(point);
        scalars.add(Bls12Encoding.scalarAt(input, scalarOffset));
      }
    }
    return group.encode(
        points.isEmpty() ? group.infinity() : PippengerMsm.sum(group, points, scalars));
  }
}
