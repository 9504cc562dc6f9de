package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;

/** STOP: ends the frame successfully with no output. */
public final class StopOperation extends AbstractOperation {
  public StopOperation(GasCalculator gasCalculator) {
    super(0x00, "STOP", 0, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.state = FrameState.SUCCESS;
    return 0;
  }
}
