package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** NUMBER: the block number. */
public final class NumberOperation extends AbstractOperation {
  public NumberOperation(GasCalculator gasCalculator) {
    super(0x43, "NUMBER", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.context().block().number());
    return 1;
  }
}
