package io.nativerollups.evm.precompile.bls;

import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537 BLS12_G2MSM (0x0e): the sum of k scalar multiples of G2 points, k >= 1, each point
 * subgroup-checked; priced by EIP-2537's G2 discount table.
 */
public final class Bls12G2MsmPrecompile extends AbstractBls12MsmPrecompile<P2, P2_Affine> {

  /** The contract; stateless. */
  public Bls12G2MsmPrecompile() {
    super(Bls12Group.G2, Bls12MsmPricing.G2);
  }

  @Override
  public String name() {
    return "BLS12_G2MSM";
  }
}
