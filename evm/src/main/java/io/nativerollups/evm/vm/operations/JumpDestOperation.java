package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** JUMPDEST: marks a valid jump target; does nothing. */
public final class JumpDestOperation extends AbstractOperation {
  public JumpDestOperation(GasCalculator gasCalculator) {
    super(0x5b, "JUMPDEST", 0, 0, gasCalculator.jumpDestGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    return 1;
  }
}
