package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;

/** BALANCE: an account's balance, with the EIP-2929 access charge. */
public final class BalanceOperation extends AbstractAccountQueryOperation {

  public BalanceOperation(GasCalculator gasCalculator) {
    super(0x31, "BALANCE", gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    Address address = popAccessedAccount(frame);
    if (address == null) {
      return 0;
    }
    frame.pushUInt256(frame.context().world().getBalance(address));
    return 1;
  }
}
