package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;

/** BLS12-381 curve parameters shared by the precompiles (EIP-2537's "Curve parameters"). */
final class Bls12Parameters {

  /** The main subgroup order q. */
  static final BigInteger GROUP_ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** |x| for the curve's seed x = -0xd201000000010000, as an unsigned 64-bit value. */
  static final long SEED_MAGNITUDE = 0xd201000000010000L;

  private Bls12Parameters() {}

  /**
   * Whether bit {@code index} of {@link #SEED_MAGNITUDE} is set; multiplications by the seed double
   * and add along these bits (six are set), through blst's point operations, which beats blst's
   * generic windowed multiplication for this sparse 64-bit scalar.
   */
  static boolean seedBit(int index) {
    return (SEED_MAGNITUDE >>> index & 1) != 0;
  }
}
