package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** DUP1..DUP16: pushes a copy of the n-th word from the top. */
public final class DupOperation extends AbstractOperation {
  private final int index;

  public DupOperation(GasCalculator gasCalculator, int index) {
    super(0x7f + index, "DUP" + index, index, index + 1, gasCalculator.veryLowTierGasCost());
    this.index = index;
  }

  @Override
  public int execute(MessageFrame frame) {
    int from = frame.base(index - 1);
    int to = frame.sp++ << 2;
    System.arraycopy(frame.stack, from, frame.stack, to, 4);
    return 1;
  }
}
