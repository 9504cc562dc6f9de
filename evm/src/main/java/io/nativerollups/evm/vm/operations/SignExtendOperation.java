package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** SIGNEXTEND: extends the sign of a value from a given byte. */
public final class SignExtendOperation extends AbstractOperation {
  public SignExtendOperation(GasCalculator gasCalculator) {
    super(0x0b, "SIGNEXTEND", 2, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.signExtend(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
