package io.nativerollups.evm.precompile.bn254;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.util.ArrayList;
import java.util.List;

/**
 * ECPAIRING at 0x08 (EIP-197, priced by EIP-1108): whether the product of the pairings of k pairs
 * of a G1 and a G2 point is 1. The input must be k whole 192-byte pairs (k = 0 gives 1); a
 * coordinate not below p, a point off its curve or a G2 point outside the order-r subgroup fails
 * the call. The output is a 32-byte word 1 or 0.
 */
public final class Bn254PairingPrecompile implements PrecompiledContract {

  private static final long BASE_GAS = 45_000;
  private static final long GAS_PER_PAIR = 34_000;
  private static final int PAIR_LENGTH = G1.ENCODED_LENGTH + G2.ENCODED_LENGTH;

  @Override
  public String name() {
    return "BN254_PAIRING";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return BASE_GAS + GAS_PER_PAIR * (input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length % PAIR_LENGTH != 0) {
      return null;
    }
    int pairCount = input.length / PAIR_LENGTH;
    List<JacobianPoint<Fp>> g1Points = new ArrayList<>(pairCount);
    List<JacobianPoint<Fp2>> g2Points = new ArrayList<>(pairCount);
    for (int offset = 0; offset < input.length; offset += PAIR_LENGTH) {
      JacobianPoint<Fp> p = G1.decode(input, offset);
      JacobianPoint<Fp2> q = p == null ? null : G2.decode(input, offset + G1.ENCODED_LENGTH);
      if (q == null) {
        return null;
      }
      g1Points.add(p);
      g2Points.add(q);
    }
    byte[] out = new byte[32];
    out[31] = (byte) (Bn254Pairing.isProductOne(g1Points, g2Points) ? 1 : 0);
    return out;
  }
}
