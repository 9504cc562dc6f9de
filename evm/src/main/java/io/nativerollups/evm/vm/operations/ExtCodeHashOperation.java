package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;

/** EXTCODEHASH (EIP-1052): an account's code hash, zero for a dead account. */
public final class ExtCodeHashOperation extends AbstractAccountQueryOperation {

  public ExtCodeHashOperation(GasCalculator gasCalculator) {
    super(0x3f, "EXTCODEHASH", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    Address address = popAccessedAccount(frame);
    if (address == null) {
      return 0;
    }
    WorldState world = frame.context().world();
    if (world.isDead(address)) {
      frame.pushLong(0);
    } else {
      frame.pushBytes(world.getCodeHash(address), 0, 32);
    }
    return 1;
  }
}
