package io.nativerollups.evm.gas;

import io.nativerollups.evm.tx.Transaction;

/** Prague: EIP-7623 calldata floor, EIP-7691 blob parameters. */
public class PragueGasCalculator extends CancunGasCalculator {
  private static final long TOTAL_COST_FLOOR_PER_TOKEN = 10;
  private static final long TOKENS_PER_NON_ZERO_BYTE = 4;

  @Override
  public long transactionFloorGas(Transaction tx) {
    byte[] data = tx.data();
    long zeros = zeroBytes(data);
    long tokens = zeros + (data.length - zeros) * TOKENS_PER_NON_ZERO_BYTE;
    return 21_000 + TOTAL_COST_FLOOR_PER_TOKEN * tokens;
  }

  @Override
  public int maxBlobsPerBlock() {
    return 9;
  }

  @Override
  public long blobBaseFeeUpdateFraction() {
    return 5_007_716;
  }
}
