package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** GASLIMIT: the block gas limit. */
public final class GasLimitOperation extends AbstractOperation {
  public GasLimitOperation(GasCalculator gasCalculator) {
    super(0x45, "GASLIMIT", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.context().block().gasLimit());
    return 1;
  }
}
