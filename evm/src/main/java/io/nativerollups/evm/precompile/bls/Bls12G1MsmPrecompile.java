package io.nativerollups.evm.precompile.bls;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * EIP-2537 BLS12_G1MSM (0x0c): the sum of k scalar multiples of G1 points, k >= 1, each point
 * subgroup-checked; priced by EIP-2537's G1 discount table.
 */
public final class Bls12G1MsmPrecompile extends AbstractBls12MsmPrecompile<P1, P1_Affine> {

  /** The contract; stateless. */
  public Bls12G1MsmPrecompile() {
    super(Bls12Group.G1, Bls12MsmPricing.G1);
  }

  @Override
  public String name() {
    return "BLS12_G1MSM";
  }
}
