package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** DIV: unsigned quotient, zero for a zero divisor. */
public final class DivOperation extends AbstractOperation {
  public DivOperation(GasCalculator gasCalculator) {
    super(0x04, "DIV", 2, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.div(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
