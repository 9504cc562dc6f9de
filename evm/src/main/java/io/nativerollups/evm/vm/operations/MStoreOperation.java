package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** MSTORE: writes a 32-byte word to memory. */
public final class MStoreOperation extends AbstractOperation {
  public MStoreOperation(GasCalculator gasCalculator) {
    super(0x52, "MSTORE", 2, 0, gasCalculator.veryLowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.clamp(frame.base(0));
    if (!frame.expandMemory(offset, 32)) {
      return 0;
    }
    frame.writeWord(frame.base(1), frame.memory(), (int) offset);
    frame.sp -= 2;
    return 1;
  }
}
