package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** MSIZE: pushes the memory size in bytes. */
public final class MSizeOperation extends AbstractOperation {
  public MSizeOperation(GasCalculator gasCalculator) {
    super(0x59, "MSIZE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.memorySize());
    return 1;
  }
}
