package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** EXTCODEHASH (EIP-1052): an account's code hash, zero for a dead account. */
public final class ExtCodeHashOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public ExtCodeHashOperation(GasCalculator gasCalculator) {
    super(0x3f, "EXTCODEHASH", 1, 1, 0);
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    Address address = frame.popAddress();
    if (!AccessCosts.chargeAccount(frame, gasCalculator, address)) {
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
