package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** MCOPY (EIP-5656): copies within memory; regions may overlap. */
public final class MCopyOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public MCopyOperation(GasCalculator gasCalculator) {
    super(0x5e, "MCOPY", 3, 0, gasCalculator.veryLowTierGasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    long dest = frame.popClamped();
    long src = frame.popClamped();
    long size = frame.popClamped();
    if (size == 0) {
      return 1;
    }
    if (!frame.expandMemory(Math.max(dest, src), size)
        || !frame.consumeGas(gasCalculator.copyWordGasCost() * ((size + 31) >>> 5))) {
      return 0;
    }
    System.arraycopy(frame.memory(), (int) src, frame.memory(), (int) dest, (int) size);
    return 1;
  }
}
