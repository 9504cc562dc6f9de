package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.MessageFrame;

/** CREATE: deploys a contract at keccak256(rlp([sender, nonce]))[12:]. */
public final class CreateOperation extends AbstractCreateOperation {

  public CreateOperation(GasCalculator gasCalculator) {
    super(0xf0, "CREATE", 3, gasCalculator);
  }

  @Override
  protected long extraWordGasCost() {
    return 0;
  }

  @Override
  protected Address newAddress(MessageFrame frame, Address sender, long senderNonce, byte[] initcode) {
    return EVM.createAddress(sender, senderNonce);
  }
}
