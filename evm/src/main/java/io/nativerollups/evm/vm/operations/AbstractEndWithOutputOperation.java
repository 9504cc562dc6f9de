package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;

/** RETURN and REVERT: end the frame in a given state with a memory region as output. */
abstract class AbstractEndWithOutputOperation extends AbstractOperation {
  private final FrameState endState;

  protected AbstractEndWithOutputOperation(int opcode, String name, FrameState endState) {
    super(opcode, name, 2, 0, 0);
    this.endState = endState;
  }

  @Override
  public final int execute(MessageFrame frame) {
    long offset = frame.popClamped();
    long size = frame.popClamped();
    if (!frame.expandMemory(offset, size)) {
      return 0;
    }
    frame.output = frame.readMemory(offset, size);
    frame.state = endState;
    return 0;
  }
}
