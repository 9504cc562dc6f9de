package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** BYTE: one byte of a word, counted from the most significant. */
public final class ByteOperation extends AbstractOperation {
  public ByteOperation(GasCalculator gasCalculator) {
    super(0x1a, "BYTE", 2, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    Word256Math.extractByte(frame.stack, a, b, b);
    frame.sp--;
    return 1;
  }
}
