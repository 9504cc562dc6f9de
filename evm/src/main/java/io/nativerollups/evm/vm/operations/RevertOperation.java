package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;

/** REVERT: undoes the frame's changes, returning remaining gas and a memory region as output. */
public final class RevertOperation extends AbstractOperation {
  public RevertOperation(GasCalculator gasCalculator) {
    super(0xfd, "REVERT", 2, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    long size = frame.popClamped();
    if (!frame.expandMemory(offset, size)) {
      return 0;
    }
    frame.output = frame.readMemory(offset, size);
    frame.state = FrameState.REVERTED;
    return 0;
  }
}
