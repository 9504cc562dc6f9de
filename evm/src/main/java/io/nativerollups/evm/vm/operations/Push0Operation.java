package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** PUSH0 (EIP-3855): pushes zero. */
public final class Push0Operation extends AbstractOperation {
  public Push0Operation(GasCalculator gasCalculator) {
    super(0x5f, "PUSH0", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(0);
    return 1;
  }
}
