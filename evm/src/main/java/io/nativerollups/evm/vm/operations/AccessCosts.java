package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;

/** EIP-2929 account access charging shared by the operations that read another account. */
final class AccessCosts {
  private AccessCosts() {}

  /** The access cost of {@code address}, warming it. */
  static long accountAccessCost(MessageFrame frame, GasCalculator gasCalculator, Address address) {
    return frame.context().world().warmAddress(address)
        ? gasCalculator.warmStorageReadCost()
        : gasCalculator.coldAccountAccessCost();
  }

  /** Warms {@code address} and charges its access cost; false if the frame ran out of gas. */
  static boolean chargeAccount(MessageFrame frame, GasCalculator gasCalculator, Address address) {
    return frame.consumeGas(accountAccessCost(frame, gasCalculator, address));
  }
}
