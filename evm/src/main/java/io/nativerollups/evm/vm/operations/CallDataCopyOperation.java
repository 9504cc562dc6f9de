package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLDATACOPY: copies input into memory, zero-filled past its end. */
public final class CallDataCopyOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public CallDataCopyOperation(GasCalculator gasCalculator) {
    super(0x37, "CALLDATACOPY", 3, 0, gasCalculator.veryLowTierGasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    long memOffset = frame.popClamped();
    long srcOffset = frame.popClamped();
    long size = frame.popClamped();
    if (!CopyCosts.charge(frame, gasCalculator, memOffset, size)) {
      return 0;
    }
    frame.writeMemory(memOffset, frame.input(), srcOffset, size);
    return 1;
  }
}
