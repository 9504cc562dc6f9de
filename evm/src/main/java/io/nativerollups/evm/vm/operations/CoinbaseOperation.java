package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** COINBASE: the block's fee recipient. */
public final class CoinbaseOperation extends AbstractOperation {
  public CoinbaseOperation(GasCalculator gasCalculator) {
    super(0x41, "COINBASE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushAddress(frame.context().block().coinbase());
    return 1;
  }
}
