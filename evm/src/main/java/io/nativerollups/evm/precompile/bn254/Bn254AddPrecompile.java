package io.nativerollups.evm.precompile.bn254;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.util.Arrays;

/**
 * ECADD at 0x06 (EIP-196, priced by EIP-1108): the sum of two alt_bn128 G1 points. Input shorter
 * than 128 bytes is padded with zeros, longer input is cut; a coordinate not below p or a point off
 * the curve fails the call.
 */
public final class Bn254AddPrecompile implements PrecompiledContract {

  private static final long GAS = 150;

  @Override
  public String name() {
    return "BN254_ADD";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    byte[] padded = Arrays.copyOf(input, 2 * G1.ENCODED_LENGTH);
    JacobianPoint<Fp> a = G1.decode(padded, 0);
    JacobianPoint<Fp> b = G1.decode(padded, G1.ENCODED_LENGTH);
    if (a == null || b == null) {
      return null;
    }
    return G1.encode(a.add(b));
  }
}
