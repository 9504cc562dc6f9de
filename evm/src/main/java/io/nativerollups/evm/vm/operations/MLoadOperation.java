package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** MLOAD: reads a 32-byte word from memory. */
public final class MLoadOperation extends AbstractOperation {
  public MLoadOperation(GasCalculator gasCalculator) {
    super(0x51, "MLOAD", 1, 1, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    if (!frame.expandMemory(offset, 32)) {
      return 0;
    }
    frame.pushBytes(frame.memory(), (int) offset, 32);
    return 1;
  }
}
