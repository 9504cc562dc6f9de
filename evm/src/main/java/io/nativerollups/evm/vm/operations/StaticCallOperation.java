package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.MessageFrame;

/**
 * STATICCALL (EIP-214): like CALL without value (the callee sees zero), and the callee may not
 * modify state.
 */
public final class StaticCallOperation extends AbstractCallOperation {

  public StaticCallOperation(GasCalculator gasCalculator) {
    super(0xfa, "STATICCALL", false, true, gasCalculator);
  }

  @Override
  protected boolean isStatic(MessageFrame frame) {
    return true;
  }
}
