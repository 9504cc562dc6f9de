package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;
import java.util.List;

/** BLOBHASH (EIP-4844): a versioned hash of the transaction's blobs, zero past the end. */
public final class BlobHashOperation extends AbstractOperation {
  public BlobHashOperation(GasCalculator gasCalculator) {
    super(0x49, "BLOBHASH", 1, 1, gasCalculator.blobHashGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long index = frame.popClamped();
    List<byte[]> hashes = frame.context().blobHashes();
    if (index < hashes.size()) {
      frame.pushBytes(hashes.get((int) index), 0, 32);
    } else {
      frame.pushLong(0);
    }
    return 1;
  }
}
