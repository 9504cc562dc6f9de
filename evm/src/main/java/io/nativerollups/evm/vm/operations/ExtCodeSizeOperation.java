package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;

/** EXTCODESIZE: an account's code length (a delegation designator counts as its 23 bytes). */
public final class ExtCodeSizeOperation extends AbstractAccountQueryOperation {

  public ExtCodeSizeOperation(GasCalculator gasCalculator) {
    super(0x3b, "EXTCODESIZE", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    Address address = popAccessedAccount(frame);
    if (address == null) {
      return 0;
    }
    frame.pushLong(frame.context().world().getCode(address).length);
    return 1;
  }
}
