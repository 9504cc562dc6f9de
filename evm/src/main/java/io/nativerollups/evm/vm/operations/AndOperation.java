package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** AND: bitwise and. */
public final class AndOperation extends AbstractOperation {
  public AndOperation(GasCalculator gasCalculator) {
    super(0x16, "AND", 2, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.and(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
