package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** SMOD: signed remainder, zero for a zero modulus. */
public final class SModOperation extends AbstractOperation {
  public SModOperation(GasCalculator gasCalculator) {
    super(0x07, "SMOD", 2, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.smod(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
