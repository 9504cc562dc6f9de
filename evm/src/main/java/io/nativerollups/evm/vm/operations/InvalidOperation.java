package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** INVALID (0xfe) and every unassigned opcode: an exceptional halt. */
public final class InvalidOperation extends AbstractOperation {
  public InvalidOperation(GasCalculator gasCalculator) {
    super(0xfe, "INVALID", 0, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.halt("invalid opcode 0x" + Integer.toHexString(frame.code().bytes()[frame.pc] & 0xFF));
    return 0;
  }
}
