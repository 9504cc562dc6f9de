package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** GAS: pushes the gas left after this instruction's cost. */
public final class GasOperation extends AbstractOperation {
  public GasOperation(GasCalculator gasCalculator) {
    super(0x5a, "GAS", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.gasRemaining);
    return 1;
  }
}
