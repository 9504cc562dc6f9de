package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** PC: pushes the position of this instruction. */
public final class PcOperation extends AbstractOperation {
  public PcOperation(GasCalculator gasCalculator) {
    super(0x58, "PC", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.pc);
    return 1;
  }
}
