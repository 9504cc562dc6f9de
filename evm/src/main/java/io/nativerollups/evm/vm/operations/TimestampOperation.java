package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** TIMESTAMP: the block's timestamp. */
public final class TimestampOperation extends AbstractOperation {
  public TimestampOperation(GasCalculator gasCalculator) {
    super(0x42, "TIMESTAMP", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.context().block().timestamp());
    return 1;
  }
}
