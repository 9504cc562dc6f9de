package io.nativerollups.evm.precompile;

import java.math.BigInteger;

/**
 * MODEXP from Osaka: EIP-7823 bounds every length to 1024 bytes (a longer one fails the call) and
 * EIP-7883 reprices it (minimum 500, complexity at least 16 and doubled above 32 bytes, 16 per
 * exponent byte beyond 32, no division by 3).
 */
public class OsakaModExpPrecompile extends ModExpPrecompile {
  private static final BigInteger MAX_LENGTH = BigInteger.valueOf(1024);
  private static final BigInteger BIG_32 = BigInteger.valueOf(32);

  @Override
  protected boolean lengthsAllowed(BigInteger baseLength, BigInteger exponentLength, BigInteger modulusLength) {
    return baseLength.compareTo(MAX_LENGTH) <= 0
        && exponentLength.compareTo(MAX_LENGTH) <= 0
        && modulusLength.compareTo(MAX_LENGTH) <= 0;
  }

  @Override
  protected BigInteger multiplicationComplexity(BigInteger maxLength) {
    if (maxLength.compareTo(BIG_32) <= 0) {
      return BigInteger.valueOf(16);
    }
    BigInteger words = ceilWords(maxLength);
    return words.multiply(words).shiftLeft(1);
  }

  @Override
  protected long exponentByteMultiplier() {
    return 16;
  }

  @Override
  protected BigInteger price(BigInteger multiplicationComplexity, BigInteger iterationCount) {
    return multiplicationComplexity.multiply(iterationCount).max(BigInteger.valueOf(500));
  }
}
