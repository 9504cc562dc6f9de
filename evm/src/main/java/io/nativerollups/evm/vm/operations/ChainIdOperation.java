package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** CHAINID (EIP-1344). */
public final class ChainIdOperation extends AbstractOperation {
  public ChainIdOperation(GasCalculator gasCalculator) {
    super(0x46, "CHAINID", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushLong(frame.context().block().chainId());
    return 1;
  }
}
