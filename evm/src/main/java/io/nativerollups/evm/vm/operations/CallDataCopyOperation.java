package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.MessageFrame;

/** CALLDATACOPY: copies input into memory, zero-filled past its end. */
public final class CallDataCopyOperation extends AbstractCopyToMemoryOperation {

  public CallDataCopyOperation(GasCalculator gasCalculator) {
    super(0x37, "CALLDATACOPY", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    return copyToMemory(frame, frame.input(), true);
  }
}
