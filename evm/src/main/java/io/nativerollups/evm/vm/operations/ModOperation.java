package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** MOD: unsigned remainder, zero for a zero modulus. */
public final class ModOperation extends AbstractOperation {
  public ModOperation(GasCalculator gasCalculator) {
    super(0x06, "MOD", 2, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.mod(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
