package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** EXP: exponentiation modulo 2^256; each byte of the exponent costs extra. */
public final class ExpOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  public ExpOperation(GasCalculator gasCalculator) {
    super(0x0a, "EXP", 2, 1, gasCalculator.expGasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    int base = frame.base(0);
    int exponent = frame.base(1);
    if (!frame.consumeGas(gasCalculator.expByteGasCost() * Word256Math.byteLength(frame.stack, exponent))) {
      return 0;
    }
    Word256Math.exp(frame.stack, base, exponent, exponent);
    frame.sp--;
    return 1;
  }
}
