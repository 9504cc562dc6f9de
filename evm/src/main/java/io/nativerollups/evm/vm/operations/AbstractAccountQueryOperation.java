package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/**
 * BALANCE, EXTCODESIZE and EXTCODEHASH: pop an address, pay its EIP-2929 warm/cold access, push
 * one fact about the account.
 */
abstract class AbstractAccountQueryOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  protected AbstractAccountQueryOperation(int opcode, String name, GasCalculator gasCalculator) {
    super(opcode, name, 1, 1, 0);
    this.gasCalculator = gasCalculator;
  }

  /** Pops the queried address and charges its access; null if the frame ran out of gas. */
  protected final Address popAccessedAccount(MessageFrame frame) {
    Address address = frame.popAddress();
    return AccessCosts.chargeAccount(frame, gasCalculator, address) ? address : null;
  }
}
