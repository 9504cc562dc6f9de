package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;

/** MULMOD: (a * b) mod n without overflow, zero for n = 0. */
public final class MulModOperation extends AbstractModularOperation {
  public MulModOperation(GasCalculator gasCalculator) {
    super(0x09, "MULMOD", true, gasCalculator);
  }
}
