package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** MSTORE8: writes the low byte of a word to memory. */
public final class MStore8Operation extends AbstractOperation {
  public MStore8Operation(GasCalculator gasCalculator) {
    super(0x53, "MSTORE8", 2, 0, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.clamp(frame.base(0));
    if (!frame.expandMemory(offset, 1)) {
      return 0;
    }
    frame.memory()[(int) offset] = (byte) frame.stack[frame.base(1)];
    frame.sp -= 2;
    return 1;
  }
}
