package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** PUSH1..PUSH32: pushes the immediate bytes; bytes past the end of code read as zero. */
public final class PushOperation extends AbstractOperation {
  private final int length;

  public PushOperation(GasCalculator gasCalculator, int length) {
    super(0x5f + length, "PUSH" + length, 0, 1, gasCalculator.veryLowTierGasCost());
    this.length = length;
  }

  @Override
  public int execute(MessageFrame frame) {
    byte[] code = frame.code().bytes();
    int start = frame.pc + 1;
    if (start + length <= code.length) {
      frame.pushBytes(code, start, length);
    } else {
      // truncated immediate: the missing low-order bytes are zero
      frame.pushLong(0);
      long[] stack = frame.stack;
      int b = frame.base(0);
      for (int i = 0; i < length && start + i < code.length; i++) {
        int bitPos = 8 * (length - 1 - i);
        stack[b + (bitPos >>> 6)] |= (code[start + i] & 0xFFL) << (bitPos & 63);
      }
    }
    return 1 + length;
  }
}
