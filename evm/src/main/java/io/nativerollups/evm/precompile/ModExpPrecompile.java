package io.nativerollups.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * MODEXP at 0x05 (EIP-198) as priced in Cancun and Prague (EIP-2565). Input: three 32-byte
 * lengths, then base, exponent and modulus of those lengths; missing bytes read as zero. Output:
 * base^exponent mod modulus in exactly modulus-length bytes.
 *
 * <p>The lengths are attacker-chosen 256-bit numbers, so pricing works in {@link BigInteger} and
 * nothing is allocated from a claimed length before the gas for it has been charged. Later forks
 * override the pricing hooks ({@link OsakaModExpPrecompile}).
 */
public class ModExpPrecompile implements PrecompiledContract {
  private static final int HEADER_SIZE = 96;
  private static final int EXPONENT_HEAD_SIZE = 32;
  private static final BigInteger BIG_32 = BigInteger.valueOf(32);
  private static final BigInteger BIG_LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * The longest operand {@link #compute} evaluates: its value must fit a {@link BigInteger}.
   * Paying for an exponent this long takes over 7 * 10^8 gas (far more for base or modulus).
   */
  private static final BigInteger MAX_COMPUTABLE_LENGTH = BigInteger.valueOf(Integer.MAX_VALUE / 8);

  @Override
  public String name() {
    return "MODEXP";
  }

  @Override
  public final long gasRequirement(byte[] input) {
    BigInteger baseLength = word(input, 0);
    BigInteger exponentLength = word(input, 32);
    BigInteger modulusLength = word(input, 64);
    BigInteger gas =
        price(
            multiplicationComplexity(baseLength.max(modulusLength)),
            iterationCount(exponentLength, exponentHead(input, baseLength, exponentLength)));
    return gas.compareTo(BIG_LONG_MAX) < 0 ? gas.longValue() : Long.MAX_VALUE;
  }

  @Override
  public final byte[] compute(byte[] input) {
    BigInteger baseLength = word(input, 0);
    BigInteger exponentLength = word(input, 32);
    BigInteger modulusLength = word(input, 64);
    if (!lengthsAllowed(baseLength, exponentLength, modulusLength)) {
      return null;
    }
    if (modulusLength.signum() == 0) {
      return new byte[0];
    }
    if (baseLength.max(exponentLength).max(modulusLength).compareTo(MAX_COMPUTABLE_LENGTH) > 0) {
      return null;
    }
    int baseLen = baseLength.intValueExact();
    int expLen = exponentLength.intValueExact();
    int modLen = modulusLength.intValueExact();
    BigInteger base = operand(input, HEADER_SIZE, baseLen);
    BigInteger exponent = operand(input, (long) HEADER_SIZE + baseLen, expLen);
    BigInteger modulus = operand(input, (long) HEADER_SIZE + baseLen + expLen, modLen);
    byte[] out = new byte[modLen];
    if (modulus.signum() == 0) {
      return out; // x mod 0 is defined as 0
    }
    byte[] result = base.modPow(exponent, modulus).toByteArray();
    // toByteArray may carry a leading sign byte; the value itself always fits in modLen bytes.
    int significant = Math.min(result.length, modLen);
    System.arraycopy(result, result.length - significant, out, modLen - significant, significant);
    return out;
  }

  /** Whether the fork accepts these lengths at all; every length is accepted before Osaka. */
  protected boolean lengthsAllowed(BigInteger baseLength, BigInteger exponentLength, BigInteger modulusLength) {
    return true;
  }

  /** EIP-2565: the square of the longer operand's length in 8-byte words. */
  protected BigInteger multiplicationComplexity(BigInteger maxLength) {
    BigInteger words = ceilWords(maxLength);
    return words.multiply(words);
  }

  /** How much each exponent byte beyond the first 32 adds to the iteration count. */
  protected long exponentByteMultiplier() {
    return 8;
  }

  /** EIP-2565: {@code max(200, complexity * iterations / 3)}. */
  protected BigInteger price(BigInteger multiplicationComplexity, BigInteger iterationCount) {
    return multiplicationComplexity
        .multiply(iterationCount)
        .divide(BigInteger.valueOf(3))
        .max(BigInteger.valueOf(200));
  }

  /** The rounded-up number of 8-byte words in {@code length} bytes. */
  protected static BigInteger ceilWords(BigInteger length) {
    return length.add(BigInteger.valueOf(7)).shiftRight(3);
  }

  /** EIP-2565's iteration count: the exponent's bit length, estimated from its first 32 bytes. */
  private BigInteger iterationCount(BigInteger exponentLength, BigInteger exponentHead) {
    BigInteger headLog2 = BigInteger.valueOf(Math.max(exponentHead.bitLength() - 1, 0));
    BigInteger count =
        exponentLength.compareTo(BIG_32) <= 0
            ? headLog2
            : exponentLength
                .subtract(BIG_32)
                .multiply(BigInteger.valueOf(exponentByteMultiplier()))
                .add(headLog2);
    return count.max(BigInteger.ONE);
  }

  /** The exponent's first min(32, length) bytes as a number (zero-padded past the input). */
  private static BigInteger exponentHead(byte[] input, BigInteger baseLength, BigInteger exponentLength) {
    BigInteger offset = BigInteger.valueOf(HEADER_SIZE).add(baseLength);
    if (offset.compareTo(BigInteger.valueOf(input.length)) >= 0) {
      return BigInteger.ZERO;
    }
    int headLength = exponentLength.min(BigInteger.valueOf(EXPONENT_HEAD_SIZE)).intValue();
    return new BigInteger(1, zeroPaddedSlice(input, offset.intValue(), headLength));
  }

  /** The 32-byte big-endian word at {@code offset}, zero-padded past the input. */
  private static BigInteger word(byte[] input, int offset) {
    return new BigInteger(1, zeroPaddedSlice(input, offset, 32));
  }

  /**
   * The {@code length}-byte operand at {@code offset}: the bytes present in the input followed by
   * zeros, computed as a shift so that only the present bytes are copied.
   */
  private static BigInteger operand(byte[] input, long offset, int length) {
    int present = (int) Math.max(0, Math.min(length, input.length - offset));
    if (present == 0) {
      return BigInteger.ZERO;
    }
    BigInteger head = new BigInteger(1, Arrays.copyOfRange(input, (int) offset, (int) offset + present));
    return head.shiftLeft(8 * (length - present));
  }

  private static byte[] zeroPaddedSlice(byte[] input, int offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) {
      System.arraycopy(input, offset, out, 0, Math.min(length, input.length - offset));
    }
    return out;
  }
}
