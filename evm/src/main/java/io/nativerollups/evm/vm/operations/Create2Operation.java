package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.MessageFrame;

/** CREATE2 (EIP-1014): deploys at an address fixed by sender, salt and initcode hash. */
public final class Create2Operation extends AbstractCreateOperation {

  public Create2Operation(GasCalculator gasCalculator) {
    super(0xf5, "CREATE2", 4, gasCalculator);
  }

  @Override
  protected long extraWordGasCost() {
    return gasCalculator.create2WordGasCost();
  }

  @Override
  protected Address newAddress(MessageFrame frame, Address sender, long senderNonce, byte[] initcode) {
    byte[] salt = new byte[32];
    frame.writeWord(frame.base(3), salt, 0);
    return EVM.create2Address(sender, salt, initcode);
  }
}
