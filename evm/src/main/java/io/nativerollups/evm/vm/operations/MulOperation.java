package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** MUL: product modulo 2^256. */
public final class MulOperation extends AbstractOperation {
  public MulOperation(GasCalculator gasCalculator) {
    super(0x02, "MUL", 2, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.mul(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
