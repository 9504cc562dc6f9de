package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.MessageFrame;

/** CODECOPY: copies the executing code into memory, zero-filled past its end. */
public final class CodeCopyOperation extends AbstractCopyToMemoryOperation {

  public CodeCopyOperation(GasCalculator gasCalculator) {
    super(0x39, "CODECOPY", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    return copyToMemory(frame, frame.code().bytes(), true);
  }
}
