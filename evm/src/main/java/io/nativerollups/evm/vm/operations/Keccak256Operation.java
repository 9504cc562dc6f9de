package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** KECCAK256: hashes a memory region. */
public final class Keccak256Operation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public Keccak256Operation(GasCalculator gasCalculator) {
    super(0x20, "KECCAK256", 2, 1, gasCalculator.keccak256GasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    long size = frame.popClamped();
    if (!frame.expandMemory(offset, size)
        || !frame.consumeGas(gasCalculator.keccak256WordGasCost() * ((size + 31) >>> 5))) {
      return 0;
    }
    if (size == 0) {
      // memory may be shorter than offset: nothing is read, so nothing is expanded either
      frame.pushBytes(Keccak256.EMPTY, 0, 32);
    } else {
      Keccak256.hashToWord(frame.memory(), (int) offset, (int) size, frame.stack, frame.sp++ << 2);
    }
    return 1;
  }
}
