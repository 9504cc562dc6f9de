package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** POP: discards the top word. */
public final class PopOperation extends AbstractOperation {
  public PopOperation(GasCalculator gasCalculator) {
    super(0x50, "POP", 1, 0, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.sp--;
    return 1;
  }
}
