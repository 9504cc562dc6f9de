package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/**
 * ADDMOD and MULMOD: (a op b) mod n over the full-width intermediate, zero for n = 0. The
 * operation is a final flag, not an overridden method, to keep the call out of virtual dispatch.
 */
abstract class AbstractModularOperation extends AbstractOperation {
  private final boolean multiply;

  protected AbstractModularOperation(int opcode, String name, boolean multiply, GasCalculator gasCalculator) {
    super(opcode, name, 3, 1, gasCalculator.midTierGasCost());
    this.multiply = multiply;
  }

  @Override
  public final int execute(MessageFrame frame) {
    int a = frame.base(0);
    int b = frame.base(1);
    int n = frame.base(2);
    if (multiply) {
      Word256Math.mulMod(frame.stack, a, b, n, n);
    } else {
      Word256Math.addMod(frame.stack, a, b, n, n);
    }
    frame.sp -= 2;
    return 1;
  }
}
