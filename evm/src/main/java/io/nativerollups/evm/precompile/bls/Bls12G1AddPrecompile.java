package io.nativerollups.evm.precompile.bls;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/** EIP-2537 BLS12_G1ADD (0x0b): the sum of two G1 points, with no subgroup check; 375 gas. */
public final class Bls12G1AddPrecompile extends AbstractBls12AddPrecompile<P1, P1_Affine> {

  private static final long GAS = 375;

  /** The contract; stateless. */
  public Bls12G1AddPrecompile() {
    super(Bls12Group.G1, GAS);
  }

  @Override
  public String name() {
    return "BLS12_G1ADD";
  }
}
