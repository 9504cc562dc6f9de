package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** EXTCODECOPY: copies an account's code into memory, zero-filled past its end. */
public final class ExtCodeCopyOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public ExtCodeCopyOperation(GasCalculator gasCalculator) {
    super(0x3c, "EXTCODECOPY", 4, 0, 0);
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    Address address = frame.popAddress();
    long memOffset = frame.popClamped();
    long srcOffset = frame.popClamped();
    long size = frame.popClamped();
    if (!CopyCosts.charge(frame, gasCalculator, memOffset, size)
        || !AccessCosts.chargeAccount(frame, gasCalculator, address)) {
      return 0;
    }
    frame.writeMemory(memOffset, frame.context().world().getCode(address), srcOffset, size);
    return 1;
  }
}
