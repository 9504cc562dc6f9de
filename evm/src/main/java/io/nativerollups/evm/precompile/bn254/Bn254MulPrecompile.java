package io.nativerollups.evm.precompile.bn254;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * ECMUL at 0x07 (EIP-196, priced by EIP-1108): a G1 point times a 256-bit scalar. Input shorter
 * than 96 bytes is padded with zeros, longer input is cut; any scalar is allowed, but a coordinate
 * not below p or a point off the curve fails the call.
 */
public final class Bn254MulPrecompile implements PrecompiledContract {

  private static final long GAS = 6000;
  private static final int SCALAR_LENGTH = 32;

  @Override
  public String name() {
    return "BN254_MUL";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    byte[] padded = Arrays.copyOf(input, G1.ENCODED_LENGTH + SCALAR_LENGTH);
    JacobianPoint<Fp> point = G1.decode(padded, 0);
    if (point == null) {
      return null;
    }
    BigInteger scalar =
        new BigInteger(1, Arrays.copyOfRange(padded, G1.ENCODED_LENGTH, padded.length));
    return G1.encode(point.multiply(scalar));
  }
}
