package io.nativerollups.evm.block;

import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;

/**
 * The blob parameters in force for a block (EIP-4844, changed by EIP-7691 and by the
 * blob-parameter-only forks of EIP-7892): target and maximum blobs per block and the blob base fee
 * update fraction.
 */
public record BlobSchedule(int target, int max, long baseFeeUpdateFraction) {
  /** EIP-4844: blob gas per blob. */
  public static final long GAS_PER_BLOB = 131_072;
  /** EIP-4844: the minimum blob base fee. */
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  /** Cancun (EIP-4844). */
  public static final BlobSchedule CANCUN = new BlobSchedule(3, 6, 3_338_477);
  /** Prague (EIP-7691); Osaka keeps it. */
  public static final BlobSchedule PRAGUE = new BlobSchedule(6, 9, 5_007_716);

  public BlobSchedule {
    if (target < 0 || max < target || baseFeeUpdateFraction <= 0) {
      throw new IllegalArgumentException(
          "bad blob schedule: target " + target + ", max " + max + ", fraction " + baseFeeUpdateFraction);
    }
  }

  public long targetBlobGas() {
    return target * GAS_PER_BLOB;
  }

  public long maxBlobGas() {
    return max * GAS_PER_BLOB;
  }

  /**
   * {@link #blobBaseFee} as the 256-bit word BLOBBASEFEE pushes and fee checks compare with, held
   * at 2^256 - 1 should the exponential outgrow it.
   */
  public UInt256 blobBaseFeeWord(long excessBlobGas) {
    BigInteger fee = blobBaseFee(excessBlobGas);
    return fee.bitLength() > 256 ? UInt256.MAX : UInt256.fromBigInteger(fee);
  }

  /** The blob base fee at {@code excessBlobGas}: EIP-4844's fake_exponential with this fraction. */
  public BigInteger blobBaseFee(long excessBlobGas) {
    BigInteger denominator = BigInteger.valueOf(baseFeeUpdateFraction);
    BigInteger numerator = new BigInteger(Long.toUnsignedString(excessBlobGas));
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = MIN_BLOB_BASE_FEE.multiply(denominator);
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
