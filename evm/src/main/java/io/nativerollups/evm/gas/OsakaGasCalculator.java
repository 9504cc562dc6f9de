package io.nativerollups.evm.gas;

/** Osaka: EIP-7825 transaction gas cap, EIP-7594 blobs per transaction. */
public class OsakaGasCalculator extends PragueGasCalculator {

  @Override
  public long maxTransactionGasLimit() {
    return 1L << 24;
  }

  @Override
  public int maxBlobsPerTransaction() {
    return 6;
  }
}
