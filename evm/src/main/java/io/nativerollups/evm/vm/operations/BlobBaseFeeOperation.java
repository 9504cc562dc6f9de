package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** BLOBBASEFEE (EIP-7516). */
public final class BlobBaseFeeOperation extends AbstractOperation {
  public BlobBaseFeeOperation(GasCalculator gasCalculator) {
    super(0x4a, "BLOBBASEFEE", 0, 1, gasCalculator.baseTierGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.pushUInt256(frame.context().block().blobBaseFee());
    return 1;
  }
}
