package io.nativerollups.evm.tx;

import io.nativerollups.evm.gas.GasCalculator;

/**
 * Static transaction validity from Prague: adds EIP-7702 set-code transactions. Prague's other
 * changes (EIP-7623 calldata floor, EIP-7691 blob limits) come in through its gas calculator.
 */
public class PragueTransactionValidator extends CancunTransactionValidator {
  /** A validator that takes intrinsic gas and limits from {@code gasCalculator}'s fork. */
  public PragueTransactionValidator(GasCalculator gasCalculator) {
    super(gasCalculator);
  }

  @Override
  protected boolean supportsType(TransactionType type) {
    return true;
  }
}
