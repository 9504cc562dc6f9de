package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLVALUE: the value of this message. */
public final class CallValueOperation extends AbstractOperation {
  public CallValueOperation(GasCalculator gasCalculator) {
    super(0x34, "CALLVALUE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushUInt256(frame.value());
    return 1;
  }
}
