package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;

/** ADDMOD: (a + b) mod n without overflow, zero for n = 0. */
public final class AddModOperation extends AbstractModularOperation {
  public AddModOperation(GasCalculator gasCalculator) {
    super(0x08, "ADDMOD", false, gasCalculator);
  }
}
