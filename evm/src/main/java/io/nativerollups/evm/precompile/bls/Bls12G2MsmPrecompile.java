package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537 BLS12_G2MSM (0x0e): the sum of k scalar multiples of G2 points, k >= 1, each point
 * subgroup-checked. Scalars are 32-byte values that may exceed the group order.
 *
 * <p>The sum is computed as k native (GLV, blst) multiplications: through JNI, a Java-side
 * Pippenger's many point additions cost more than they save for the sizes the gas schedule
 * makes affordable.
 */
public final class Bls12G2MsmPrecompile implements PrecompiledContract {

  private static final Bls12MsmPricing PRICING = Bls12MsmPricing.G2;

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
    P2 sum = new P2();
    for (int offset = 0; offset < input.length; offset += pairLength) {
      P2_Affine point = Bls12Encoding.decodeG2(input, offset);
      if (point == null || !point.in_group()) {
        return null;
      }
      int scalarOffset = offset + Bls12Encoding.G2_LENGTH;
      if (!point.is_inf() && !Bls12Encoding.isZeroScalar(input, scalarOffset)) {
        sum.add(new P2(point).mult(Bls12Encoding.decodeScalar(input, scalarOffset)));
      }
    }
    return Bls12Encoding.encodeG2(sum);
  }
}
