package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** BASEFEE (EIP-3198). */
public final class BaseFeeOperation extends AbstractOperation {
  public BaseFeeOperation(GasCalculator gasCalculator) {
    super(0x48, "BASEFEE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushUInt256(frame.context().block().baseFee());
    return 1;
  }
}
