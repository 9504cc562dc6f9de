package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537 BLS12_G2MSM (0x0e): the sum of k scalar multiples of G2 points, k >= 1, each point
 * subgroup-checked. Scalars are 32-byte values that may exceed the group order.
 */
public final class Bls12G2MsmPrecompile implements PrecompiledContract {

  private static final Bls12MsmPricing PRICING = Bls12MsmPricing.G2;

  private static final PippengerMsm<P2, P2_Affine> MSM =
      new PippengerMsm<>() {
        @Override
        P2 infinity() {
          return new P2();
        }

        @Override
        P2 toProjective(P2_Affine point) {
          return new P2(point);
        }

        @Override
        P2 addAffine(P2 sum, P2_Affine point) {
          return sum.add(point);
        }

        @Override
        P2 add(P2 sum, P2 point) {
          return sum.add(point);
        }

        @Override
        P2 doubled(P2 point) {
          return point.dbl();
        }

        @Override
        P2_Affine negated(P2_Affine point) {
          return new P2(point).neg().to_affine();
        }

        @Override
        P2 multiply(P2_Affine point, BigInteger scalar) {
          return new P2(point).mult(scalar);
        }
      };

  @Override
  public String name() {
    return "BLS12_G2MSM";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return PRICING.gas(input.length);
  }

  @Override
  public byte[] compute(byte[] input) {
    int pairLength = PRICING.pairLength();
    if (input.length == 0 || input.length % pairLength != 0) {
      return null;
    }
    List<P2_Affine> points = new ArrayList<>();
    List<byte[]> scalars = new ArrayList<>();
    for (int offset = 0; offset < input.length; offset += pairLength) {
      P2_Affine point = Bls12Encoding.decodeG2(input, offset);
      if (point == null || !point.in_group()) {
        return null;
      }
      int scalarOffset = offset + Bls12Encoding.G2_LENGTH;
      if (!point.is_inf() && !Bls12Encoding.isZeroScalar(input, scalarOffset)) {
        points.add(point);
        scalars.add(Bls12Encoding.scalarAt(input, scalarOffset));
      }
    }
    return Bls12Encoding.encodeG2(points.isEmpty() ? new P2() : MSM.sum(points, scalars));
  }
}
