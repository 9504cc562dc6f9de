package io.nativerollups.evm.precompile.bls;

import supranational.blst.P2;
import supranational.blst.P2_Affine;

/** EIP-2537 BLS12_G2ADD (0x0d): the sum of two G2 points, with no subgroup check; 600 gas. */
public final class Bls12G2AddPrecompile extends AbstractBls12AddPrecompile<P2, P2_Affine> {

  private static final long GAS = 600;

  /** The contract; stateless. */
  public Bls12G2AddPrecompile() {
    super(Bls12Group.G2, GAS);
  }

  @Override
  public String name() {
    return "BLS12_G2ADD";
  }
}
