package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.MessageFrame;

/** Memory expansion plus per-word copy gas of the *COPY operations. */
final class CopyCosts {
  private CopyCosts() {}

  /** Charges for copying {@code size} bytes to memory at {@code memOffset}; false if out of gas. */
  static boolean charge(MessageFrame frame, GasCalculator gasCalculator, long memOffset, long size) {
    return frame.expandMemory(memOffset, size)
        && frame.consumeGas(gasCalculator.copyWordGasCost() * ((size + 31) >>> 5));
  }
}
