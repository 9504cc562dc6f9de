package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/** EIP-2537 BLS12_G2ADD (0x0d): the sum of two G2 points, with no subgroup check. */
public final class Bls12G2AddPrecompile implements PrecompiledContract {

  private static final long GAS = 600;
  private static final int INPUT_LENGTH = 2 * Bls12Encoding.G2_LENGTH;

  @Override
  public String name() {
    return "BLS12_G2ADD";
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
    P2_Affine first = Bls12Encoding.decodeG2(input, 0);
    P2_Affine second = Bls12Encoding.decodeG2(input, Bls12Encoding.G2_LENGTH);
    if (first == null || second == null) {
      return null;
    }
    return Bls12Encoding.encodeG2(new P2(first).add(second));
  }
}
