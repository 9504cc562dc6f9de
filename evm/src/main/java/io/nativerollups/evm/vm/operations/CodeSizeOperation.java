package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CODESIZE: the length of the executing code. */
public final class CodeSizeOperation extends AbstractOperation {
  public CodeSizeOperation(GasCalculator gasCalculator) {
    super(0x38, "CODESIZE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.code().size());
    return 1;
  }
}
