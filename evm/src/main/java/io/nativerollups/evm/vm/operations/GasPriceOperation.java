package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** GASPRICE: the effective gas price of the transaction. */
public final class GasPriceOperation extends AbstractOperation {
  public GasPriceOperation(GasCalculator gasCalculator) {
    super(0x3a, "GASPRICE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushUInt256(frame.context().gasPrice());
    return 1;
  }
}
