package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;

/** RETURN: ends the frame successfully with a memory region as output. */
public final class ReturnOperation extends AbstractOperation {
  public ReturnOperation(GasCalculator gasCalculator) {
    super(0xf3, "RETURN", 2, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    long size = frame.popClamped();
    if (!frame.expandMemory(offset, size)) {
      return 0;
    }
    frame.output = frame.readMemory(offset, size);
    frame.state = FrameState.SUCCESS;
    return 0;
  }
}
