package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** RETURNDATACOPY: copies the latest sub-call's output into memory; reading past its end halts. */
public final class ReturnDataCopyOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public ReturnDataCopyOperation(GasCalculator gasCalculator) {
    super(0x3e, "RETURNDATACOPY", 3, 0, gasCalculator.veryLowTierGasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    long memOffset = frame.popClamped();
    long srcOffset = frame.popClamped();
    long size = frame.popClamped();
    if (srcOffset + size > frame.returnData.length || srcOffset == Long.MAX_VALUE || size == Long.MAX_VALUE) {
      frame.halt("return data out of bounds");
      return 0;
    }
    if (!CopyCosts.charge(frame, gasCalculator, memOffset, size)) {
      return 0;
    }
    frame.writeMemory(memOffset, frame.returnData, srcOffset, size);
    return 1;
  }
}
