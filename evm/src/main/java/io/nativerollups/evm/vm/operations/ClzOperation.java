package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** CLZ (EIP-7939, Osaka): number of leading zero bits, 256 for zero. */
public final class ClzOperation extends AbstractOperation {
  public ClzOperation(GasCalculator gasCalculator) {
    super(0x1e, "CLZ", 1, 1, gasCalculator.lowTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    int a = frame.base(0);
    Word256Math.clz(frame.stack, a, a);
    return 1;
  }
}
