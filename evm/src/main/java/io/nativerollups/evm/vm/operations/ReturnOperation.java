package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.FrameState;

/** RETURN: ends the frame successfully with a memory region as output. */
public final class ReturnOperation extends AbstractEndWithOutputOperation {
  public ReturnOperation(GasCalculator gasCalculator) {
    super(0xf3, "RETURN", FrameState.SUCCESS);
  }
}
