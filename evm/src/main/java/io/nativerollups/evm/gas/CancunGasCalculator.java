package io.nativerollups.evm.gas;

import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;

/** Gas rules of Cancun. */
public class CancunGasCalculator implements GasCalculator {
  private static final long TX_BASE = 21_000;
  private static final long TX_CREATE = 32_000;
  private static final long TX_DATA_ZERO = 4;
  private static final long TX_DATA_NON_ZERO = 16;
  private static final long ACCESS_LIST_ADDRESS = 2_400;
  private static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  private static final long PER_EMPTY_ACCOUNT_AUTHORIZATION = 25_000;

  private static final long SSTORE_SET = 20_000;
  private static final long SSTORE_RESET = 5_000 - 2_100;
  private static final long SSTORE_CLEARS_REFUND = 4_800;

  @Override
  public long transactionIntrinsicGas(Transaction tx) {
    byte[] data = tx.data();
    long zeros = zeroBytes(data);
    long gas = TX_BASE + zeros * TX_DATA_ZERO + (data.length - zeros) * TX_DATA_NON_ZERO;
    if (tx.isContractCreation()) {
      gas += TX_CREATE + initcodeWordGasCost() * words(data.length);
    }
    for (AccessListEntry e : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
    }
    return gas + PER_EMPTY_ACCOUNT_AUTHORIZATION * tx.authorizationList().size();
  }

  @Override
  public long transactionFloorGas(Transaction tx) {
    return 0;
  }

  /** Zero bytes of calldata, which EIP-2028 and EIP-7623 price lower. */
  protected static long zeroBytes(byte[] data) {
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) zeros++;
    }
    return zeros;
  }

  /** Number of 32-byte words covering {@code bytes} bytes. */
  protected static long words(long bytes) {
    return (bytes + 31) >>> 5;
  }

  @Override
  public long maxTransactionGasLimit() {
    return Long.MAX_VALUE;
  }

  @Override
  public long maxRefundQuotient() {
    return 5;
  }

  @Override
  public long authorizationExistingAccountRefund() {
    return PER_EMPTY_ACCOUNT_AUTHORIZATION - 12_500;
  }

  @Override
  public long blobGasPerBlob() {
    return 131_072;
  }

  @Override
  public int maxBlobsPerBlock() {
    return 6;
  }

  @Override
  public int maxBlobsPerTransaction() {
    return maxBlobsPerBlock();
  }

  @Override
  public long blobBaseFeeUpdateFraction() {
    return 3_338_477;
  }

  @Override
  public UInt256 blobBaseFee(long excessBlobGas) {
    // fake_exponential(1, excess, fraction) from EIP-4844
    BigInteger denominator = BigInteger.valueOf(blobBaseFeeUpdateFraction());
    BigInteger numerator = BigInteger.valueOf(excessBlobGas);
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = denominator;
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    BigInteger fee = output.divide(denominator);
    return fee.bitLength() > 256 ? UInt256.MAX : UInt256.fromBigInteger(fee);
  }

  @Override
  public long baseTierGasCost() {
    return 2;
  }

  @Override
  public long veryLowTierGasCost() {
    return 3;
  }

  @Override
  public long lowTierGasCost() {
    return 5;
  }

  @Override
  public long midTierGasCost() {
    return 8;
  }

  @Override
  public long highTierGasCost() {
    return 10;
  }

  @Override
  public long jumpDestGasCost() {
    return 1;
  }

  @Override
  public long memoryExpansionGasCost(long currentWords, long newWords) {
    return newWords <= currentWords ? 0 : memoryCost(newWords) - memoryCost(currentWords);
  }

  @Override
  public long memoryCost(long words) {
    return 3 * words + (words * words) / 512;
  }

  @Override
  public long expGasCost() {
    return 10;
  }

  @Override
  public long expByteGasCost() {
    return 50;
  }

  @Override
  public long keccak256GasCost() {
    return 30;
  }

  @Override
  public long keccak256WordGasCost() {
    return 6;
  }

  @Override
  public long copyWordGasCost() {
    return 3;
  }

  @Override
  public long logGasCost() {
    return 375;
  }

  @Override
  public long logTopicGasCost() {
    return 375;
  }

  @Override
  public long logDataByteGasCost() {
    return 8;
  }

  @Override
  public long warmStorageReadCost() {
    return 100;
  }

  @Override
  public long coldAccountAccessCost() {
    return 2_600;
  }

  @Override
  public long coldSloadCost() {
    return 2_100;
  }

  @Override
  public long sstoreSentryGas() {
    return 2_300;
  }

  @Override
  public long sstoreGasCost(UInt256 original, UInt256 current, UInt256 newValue) {
    if (current.equals(newValue) || !original.equals(current)) {
      return warmStorageReadCost();
    }
    return original.isZero() ? SSTORE_SET : SSTORE_RESET;
  }

  @Override
  public long sstoreRefund(UInt256 original, UInt256 current, UInt256 newValue) {
    if (current.equals(newValue)) {
      return 0;
    }
    if (original.equals(current)) {
      return !original.isZero() && newValue.isZero() ? SSTORE_CLEARS_REFUND : 0;
    }
    long refund = 0;
    if (!original.isZero()) {
      if (current.isZero()) {
        refund -= SSTORE_CLEARS_REFUND;
      } else if (newValue.isZero()) {
        refund += SSTORE_CLEARS_REFUND;
      }
    }
    if (original.equals(newValue)) {
      refund += (original.isZero() ? SSTORE_SET : SSTORE_RESET) - warmStorageReadCost();
    }
    return refund;
  }

  @Override
  public long transientStorageGasCost() {
    return 100;
  }

  @Override
  public long callValueTransferGasCost() {
    return 9_000;
  }

  @Override
  public long newAccountGasCost() {
    return 25_000;
  }

  @Override
  public long callStipend() {
    return 2_300;
  }

  @Override
  public long maxCallGas(long gasRemaining) {
    return gasRemaining - gasRemaining / 64;
  }

  @Override
  public long createGasCost() {
    return 32_000;
  }

  @Override
  public long initcodeWordGasCost() {
    return 2;
  }

  @Override
  public long create2WordGasCost() {
    return 6;
  }

  @Override
  public long codeDepositByteGasCost() {
    return 200;
  }

  @Override
  public long selfDestructGasCost() {
    return 5_000;
  }

  @Override
  public long blobHashGasCost() {
    return 3;
  }

  @Override
  public long blockHashGasCost() {
    return 20;
  }

  @Override
  public int maxCodeSize() {
    return 24_576;
  }

  @Override
  public int maxInitcodeSize() {
    return 49_152;
  }
}
