package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** SLOAD: reads storage, with the EIP-2929 slot access charge. */
public final class SLoadOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public SLoadOperation(GasCalculator gasCalculator) {
    super(0x54, "SLOAD", 1, 1, 0);
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    UInt256 key = frame.popUInt256();
    WorldState world = frame.context().world();
    long cost = world.warmStorage(frame.recipient(), key) ? gasCalculator.warmStorageReadCost() : gasCalculator.coldSloadCost();
    if (!frame.consumeGas(cost)) {
      return 0;
    }
    frame.pushUInt256(world.getStorage(frame.recipient(), key));
    return 1;
  }
}
