package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** SSTORE: writes storage, priced and refunded by EIP-2200, EIP-2929 and EIP-3529. */
public final class SStoreOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public SStoreOperation(GasCalculator gasCalculator) {
    super(0x55, "SSTORE", 2, 0, 0);
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt("SSTORE in static context");
      return 0;
    }
    if (frame.gasRemaining <= gasCalculator.sstoreSentryGas()) {
      frame.halt("out of gas: SSTORE sentry");
      return 0;
    }
    UInt256 key = frame.popUInt256();
    UInt256 value = frame.popUInt256();
    WorldState world = frame.context().world();
    Address address = frame.recipient();
    long cost = world.warmStorage(address, key) ? 0 : gasCalculator.coldSloadCost();
    UInt256 current = world.getStorage(address, key);
    UInt256 original = world.getOriginalStorage(address, key);
    cost += gasCalculator.sstoreGasCost(original, current, value);
    if (!frame.consumeGas(cost)) {
      return 0;
    }
    frame.context().addRefund(gasCalculator.sstoreRefund(original, current, value));
    world.setStorage(address, key, value);
    return 1;
  }
}
