package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** SWAP1..SWAP16: exchanges the top word with the (n+1)-th. */
public final class SwapOperation extends AbstractOperation {
  private final int index;

  public SwapOperation(GasCalculator gasCalculator, int index) {
    super(0x8f + index, "SWAP" + index, index + 1, index + 1, gasCalculator.veryLowTierGasCost());
    this.index = index;
  }

  @Override
  public int execute(MessageFrame frame) {
    long[] s = frame.stack;
    int top = frame.base(0);
    int other = frame.base(index);
    for (int i = 0; i < 4; i++) {
      long t = s[top + i];
      s[top + i] = s[other + i];
      s[other + i] = t;
    }
    return 1;
  }
}
