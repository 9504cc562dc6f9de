package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** ORIGIN: the transaction sender. */
public final class OriginOperation extends AbstractOperation {
  public OriginOperation(GasCalculator gasCalculator) {
    super(0x32, "ORIGIN", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushAddress(frame.context().origin());
    return 1;
  }
}
