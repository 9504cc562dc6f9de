package io.nativerollups.node.rpc.json;

import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.UInt256;

/** Fee arithmetic the JSON objects report. */
public final class Fees {
  private Fees() {}

  /**
   * What the sender paid per gas in a block with {@code baseFee}: the gas price of types 0 and 1,
   * otherwise {@code min(maxFeePerGas, baseFee + maxPriorityFeePerGas)}.
   */
  public static UInt256 effectiveGasPrice(Transaction tx, UInt256 baseFee) {
    if (tx.type() == TransactionType.LEGACY || tx.type() == TransactionType.ACCESS_LIST || baseFee == null) {
      return tx.maxFeePerGas();
    }
    UInt256 withTip = baseFee.add(tx.maxPriorityFeePerGas());
    boolean overflow = withTip.compareTo(baseFee) < 0;
    return overflow || withTip.compareTo(tx.maxFeePerGas()) > 0 ? tx.maxFeePerGas() : withTip;
  }

  /** The tip per gas the block's fee recipient got: effective price minus base fee. */
  public static UInt256 effectiveTip(Transaction tx, UInt256 baseFee) {
    UInt256 price = effectiveGasPrice(tx, baseFee);
    return baseFee == null ? price : price.subtract(baseFee);
  }
}
