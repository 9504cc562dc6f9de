package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** PREVRANDAO (EIP-4399): the beacon chain randomness of the block. */
public final class PrevRandaoOperation extends AbstractOperation {
  public PrevRandaoOperation(GasCalculator gasCalculator) {
    super(0x44, "PREVRANDAO", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    byte[] randao = frame.context().block().prevRandao();
    frame.pushBytes(randao, 0, randao.length);
    return 1;
  }
}
