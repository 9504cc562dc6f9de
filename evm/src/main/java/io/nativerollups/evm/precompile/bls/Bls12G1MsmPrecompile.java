package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * EIP-2537 BLS12_G1MSM (0x0c): the sum of k scalar multiples of G1 points, k >= 1, each point
 * subgroup-checked. Scalars are 32-byte values that may exceed the group order.
 *
 * <p>The sum is computed as k native (GLV, blst) multiplications: through JNI, a Java-side
 * Pippenger's many point additions cost more than they save for the sizes the gas schedule
 * makes affordable.
 */
public final class Bls12G1MsmPrecompile implements PrecompiledContract {

  private static final Bls12MsmPricing PRICING = Bls12MsmPricing.G1;

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
    P1 sum = new P1();
    for (int offset = 0; offset < input.length; offset += pairLength) {
      P1_Affine point = Bls12Encoding.decodeG1(input, offset);
      if (point == null || !point.in_group()) {
        return null;
      }
      int scalarOffset = offset + Bls12Encoding.G1_LENGTH;
      if (!point.is_inf() && !Bls12Encoding.isZeroScalar(input, scalarOffset)) {
        sum.add(new P1(point).mult(Bls12Encoding.decodeScalar(input, scalarOffset)));
      }
    }
    return Bls12Encoding.encodeG1(sum);
  }
}
