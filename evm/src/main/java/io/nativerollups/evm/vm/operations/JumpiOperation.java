package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** JUMPI: continues at a JUMPDEST if the condition is non-zero. */
public final class JumpiOperation extends AbstractOperation {
  public JumpiOperation(GasCalculator gasCalculator) {
    super(0x57, "JUMPI", 2, 0, gasCalculator.highTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long dest = frame.popClamped();
    if (frame.popIsZero()) {
      return 1;
    }
    if (!frame.code().isValidJumpDest(dest)) {
      frame.halt("invalid jump destination");
      return 0;
    }
    frame.pc = (int) dest;
    return 0;
  }
}
