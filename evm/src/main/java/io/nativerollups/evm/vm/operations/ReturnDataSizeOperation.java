package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** RETURNDATASIZE: the length of the latest sub-call's output. */
public final class ReturnDataSizeOperation extends AbstractOperation {
  public ReturnDataSizeOperation(GasCalculator gasCalculator) {
    super(0x3d, "RETURNDATASIZE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.returnData.length);
    return 1;
  }
}
