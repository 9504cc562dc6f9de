package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.MessageFrame;

/** RETURNDATACOPY: copies the latest sub-call's output into memory; reading past its end halts. */
public final class ReturnDataCopyOperation extends AbstractCopyToMemoryOperation {

  public ReturnDataCopyOperation(GasCalculator gasCalculator) {
    super(0x3e, "RETURNDATACOPY", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    return copyToMemory(frame, frame.returnData, false);
  }
}
