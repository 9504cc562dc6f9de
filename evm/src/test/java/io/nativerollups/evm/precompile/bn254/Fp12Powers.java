package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/** Plain square-and-multiply powers in F_p^12, the slow reference the tests compare against. */
final class Fp12Powers {

  private Fp12Powers() {}

  static Fp12 pow(Fp12 base, BigInteger exponent) {
    Fp12 result = Fp12.ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(base);
      }
    }
    return result;
  }
}
