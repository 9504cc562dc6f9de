package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.MessageFrame;

/** DELEGATECALL: runs the target's code with the current account, caller and value; nothing moves. */
public final class DelegateCallOperation extends AbstractCallOperation {

  public DelegateCallOperation(GasCalculator gasCalculator) {
    super(0xf4, "DELEGATECALL", false, false, gasCalculator);
  }

  @Override
  protected Address recipient(MessageFrame frame, Address target) {
    return frame.recipient();
  }

  @Override
  protected Address caller(MessageFrame frame) {
    return frame.sender();
  }

  @Override
  protected UInt256 apparentValue(MessageFrame frame, UInt256 value) {
    return frame.value();
  }
}
