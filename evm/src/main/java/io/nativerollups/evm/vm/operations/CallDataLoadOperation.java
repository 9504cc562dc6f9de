package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLDATALOAD: 32 bytes of input, zero past its end. */
public final class CallDataLoadOperation extends AbstractOperation {
  public CallDataLoadOperation(GasCalculator gasCalculator) {
    super(0x35, "CALLDATALOAD", 1, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    frame.pushPadded(frame.input(), offset);
    return 1;
  }
}
