package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** ADDRESS: the executing account. */
public final class AddressOperation extends AbstractOperation {
  public AddressOperation(GasCalculator gasCalculator) {
    super(0x30, "ADDRESS", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushAddress(frame.recipient());
    return 1;
  }
}
