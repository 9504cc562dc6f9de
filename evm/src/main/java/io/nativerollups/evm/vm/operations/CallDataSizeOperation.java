package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLDATASIZE: the input length. */
public final class CallDataSizeOperation extends AbstractOperation {
  public CallDataSizeOperation(GasCalculator gasCalculator) {
    super(0x36, "CALLDATASIZE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.input().length);
    return 1;
  }
}
