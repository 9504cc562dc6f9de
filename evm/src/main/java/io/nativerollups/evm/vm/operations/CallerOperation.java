package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLER: the sender of this message. */
public final class CallerOperation extends AbstractOperation {
  public CallerOperation(GasCalculator gasCalculator) {
    super(0x33, "CALLER", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushAddress(frame.sender());
    return 1;
  }
}
