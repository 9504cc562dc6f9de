package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** TLOAD (EIP-1153): reads transient storage. */
public final class TLoadOperation extends AbstractOperation {
  public TLoadOperation(GasCalculator gasCalculator) {
    super(0x5c, "TLOAD", 1, 1, gasCalculator.transientStorageGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    UInt256 key = frame.popUInt256();
    frame.pushUInt256(frame.context().world().getTransientStorage(frame.recipient(), key));
    return 1;
  }
}
