package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.FrameState;

/** REVERT: undoes the frame's changes, returning remaining gas and a memory region as output. */
public final class RevertOperation extends AbstractEndWithOutputOperation {
  public RevertOperation(GasCalculator gasCalculator) {
    super(0xfd, "REVERT", FrameState.REVERTED);
  }
}
