package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CODECOPY: copies the executing code into memory, zero-filled past its end. */
public final class CodeCopyOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public CodeCopyOperation(GasCalculator gasCalculator) {
    super(0x39, "CODECOPY", 3, 0, gasCalculator.veryLowTierGasCost());
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
    frame.writeMemory(memOffset, frame.code().bytes(), srcOffset, size);
    return 1;
  }
}
