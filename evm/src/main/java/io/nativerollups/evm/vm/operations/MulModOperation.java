package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** MULMOD: (a * b) mod n without overflow, zero for n = 0. */
public final class MulModOperation extends AbstractOperation {
  public MulModOperation(GasCalculator gasCalculator) {
    super(0x09, "MULMOD", 3, 1, gasCalculator.midTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    int n = frame.base(2);
    Word256Math.mulMod(frame.stack, a, b, n, n);
    frame.sp -= 2;
    return 1;
  }
}
