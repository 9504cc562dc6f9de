package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * EIP-2537 BLS12_G1MSM (0x0c): the sum of k scalar multiples of G1 points, k >= 1, each point
 * subgroup-checked. Scalars are 32-byte values that may exceed the group order.
 */
public final class Bls12G1MsmPrecompile implements PrecompiledContract {

  private static final Bls12MsmPricing PRICING = Bls12MsmPricing.G1;

  private static final PippengerMsm<P1, P1_Affine> MSM =
      new PippengerMsm<>() {
        @Override
        P1 infinity() {
          return new P1();
        }

        @Override
        P1 toProjective(P1_Affine point) {
          return new P1(point);
        }

        @Override
        P1 addAffine(P1 sum, P1_Affine point) {
          return sum.add(point);
        }

        @Override
        P1 add(P1 sum, P1 point) {
          return sum.add(point);
        }

        @Override
        P1 doubled(P1 point) {
          return point.dbl();
        }

        @Override
        P1_Affine negated(P1_Affine point) {
          return new P1(point).neg().to_affine();
        }

        @Override
        P1 multiply(P1_Affine point, BigInteger scalar) {
          return new P1(point).mult(scalar);
        }
      };

  @Override
  public String name() {
    return "BLS12_G1MSM";
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
    List<P1_Affine> points = new ArrayList<>();
    List<byte[]> scalars = new ArrayList<>();
    for (int offset = 0; offset < input.length; offset += pairLength) {
      P1_Affine point = Bls12Encoding.decodeG1(input, offset);
      if (point == null || !point.in_group()) {
        return null;
      }
      int scalarOffset = offset + Bls12Encoding.G1_LENGTH;
      if (!point.is_inf() && !Bls12Encoding.isZeroScalar(input, scalarOffset)) {
        points.add(point);
        scalars.add(Bls12Encoding.scalarAt(input, scalarOffset));
      }
    }
    return Bls12Encoding.encodeG1(points.isEmpty() ? new P1() : MSM.sum(points, scalars));
  }
}
