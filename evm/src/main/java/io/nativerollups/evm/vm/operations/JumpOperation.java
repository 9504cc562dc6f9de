package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** JUMP: continues at a JUMPDEST. */
public final class JumpOperation extends AbstractOperation {
  public JumpOperation(GasCalculator gasCalculator) {
    super(0x56, "JUMP", 1, 0, gasCalculator.midTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long dest = frame.popClamped();
    if (!frame.code().isValidJumpDest(dest)) {
      frame.halt("invalid jump destination");
      return 0;
    }
    frame.pc = (int) dest;
    return 0;
  }
}
