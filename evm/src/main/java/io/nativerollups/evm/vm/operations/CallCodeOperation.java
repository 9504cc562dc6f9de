package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLCODE: runs the target's code on the caller's own account; value goes from the caller to itself. */
public final class CallCodeOperation extends AbstractCallOperation {

  public CallCodeOperation(GasCalculator gasCalculator) {
    super(0xf2, "CALLCODE", 7, gasCalculator);
  }

  @Override
  protected boolean takesValue() {
    return true;
  }

  @Override
  protected Address recipient(MessageFrame frame, Address target) {
    return frame.recipient();
  }

  @Override
  protected Address caller(MessageFrame frame) {
    return frame.recipient();
  }

  @Override
  protected UInt256 apparentValue(MessageFrame frame, UInt256 value) {
    return value;
  }

  @Override
  protected boolean transfers() {
    return true;
  }

  @Override
  protected boolean isStatic(MessageFrame frame) {
    return frame.isStatic();
  }
}
