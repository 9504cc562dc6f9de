package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** NOT: bitwise complement. */
public final class NotOperation extends AbstractOperation {
  public NotOperation(GasCalculator gasCalculator) {
    super(0x19, "NOT", 1, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    Word256Math.not(frame.stack, a, a);
    return 1;
  }
}
