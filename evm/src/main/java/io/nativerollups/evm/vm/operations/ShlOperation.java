package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** SHL (EIP-145): shift left. */
public final class ShlOperation extends AbstractOperation {
  public ShlOperation(GasCalculator gasCalculator) {
    super(0x1b, "SHL", 2, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.shl(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
