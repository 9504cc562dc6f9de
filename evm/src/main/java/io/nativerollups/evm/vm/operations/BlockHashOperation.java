package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.MessageFrame;

/** BLOCKHASH: the hash of one of the 256 most recent blocks, else zero. */
public final class BlockHashOperation extends AbstractOperation {
  public BlockHashOperation(GasCalculator gasCalculator) {
    super(0x40, "BLOCKHASH", 1, 1, gasCalculator.blockHashGasCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    long number = frame.popClamped();
    BlockContext block = frame.context().block();
    long current = block.number();
    byte[] hash = number < current && current - number <= 256 ? block.blockHashes().apply(number) : null;
    if (hash == null) {
      frame.pushLong(0);
    } else {
      frame.pushBytes(hash, 0, 32);
    }
    return 1;
  }
}
