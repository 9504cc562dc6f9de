package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.MessageFrame;

/** STATICCALL (EIP-214): like CALL without value, and the callee may not modify state. */
public final class StaticCallOperation extends AbstractCallOperation {

  public StaticCallOperation(GasCalculator gasCalculator) {
    super(0xfa, "STATICCALL", 6, gasCalculator);
  }

  @Override
  protected boolean takesValue() {
    return false;
  }

  @Override
  protected Address recipient(MessageFrame frame, Address target) {
    return target;
  }

  @Override
  protected Address caller(MessageFrame frame) {
    return frame.recipient();
  }

  @Override
  protected UInt256 apparentValue(MessageFrame frame, UInt256 value) {
    return UInt256.ZERO;
  }

  @Override
  protected boolean transfers() {
    return true;
  }

  @Override
  protected boolean isStatic(MessageFrame frame) {
    return true;
  }
}
