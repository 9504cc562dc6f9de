package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** SELFBALANCE (EIP-1884): the executing account's balance without an access charge. */
public final class SelfBalanceOperation extends AbstractOperation {
  public SelfBalanceOperation(GasCalculator gasCalculator) {
    super(0x47, "SELFBALANCE", 0, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushUInt256(frame.context().world().getBalance(frame.recipient()));
    return 1;
  }
}
