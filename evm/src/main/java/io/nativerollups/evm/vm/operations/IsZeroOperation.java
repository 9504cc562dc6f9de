package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** ISZERO: 1 if the word is zero, else 0. */
public final class IsZeroOperation extends AbstractOperation {
  public IsZeroOperation(GasCalculator gasCalculator) {
    super(0x15, "ISZERO", 1, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    Word256Math.isZero(frame.stack, a, a);
    return 1;
  }
}
