package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/** TSTORE (EIP-1153): writes transient storage; not allowed in a static context. */
public final class TStoreOperation extends AbstractOperation {
  public TStoreOperation(GasCalculator gasCalculator) {
    super(0x5d, "TSTORE", 2, 0, gasCalculator.transientStorageGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt("TSTORE in static context");
      return 0;
    }
    UInt256 key = frame.popUInt256();
    UInt256 value = frame.popUInt256();
    frame.context().world().setTransientStorage(frame.recipient(), key, value);
    return 1;
  }
}
