package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLCODE: runs the target's code on the caller's own account; value goes from the caller to itself. */
public final class CallCodeOperation extends AbstractCallOperation {

  public CallCodeOperation(GasCalculator gasCalculator) {
    super(0xf2, "CALLCODE", true, true, gasCalculator);
  }

  @Override
  protected Address recipient(MessageFrame frame, Address target) {
    return frame.recipient();
  }
}
