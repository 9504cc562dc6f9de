package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/** EIP-2537 BLS12_G1ADD (0x0b): the sum of two G1 points, with no subgroup check. */
public final class Bls12G1AddPrecompile implements PrecompiledContract {

  private static final long GAS = 375;
  private static final int INPUT_LENGTH = 2 * Bls12Encoding.G1_LENGTH;

  @Override
  public String name() {
    return "BLS12_G1ADD";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    P1_Affine first = Bls12Encoding.decodeG1(input, 0);
    P1_Affine second = Bls12Encoding.decodeG1(input, Bls12Encoding.G1_LENGTH);
    if (first == null || second == null) {
      return null;
    }
    return Bls12Encoding.encodeG1(new P1(first).add(second));
  }
}
