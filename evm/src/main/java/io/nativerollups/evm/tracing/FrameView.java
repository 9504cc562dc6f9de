package io.nativerollups.evm.tracing;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;
import java.util.Arrays;

/**
 * A read-only view of a running frame for an {@link OperationTracer}: every accessor copies, so a
 * tracer cannot change the execution it watches. Made once per traced frame.
 */
public final class FrameView {
  private final MessageFrame frame;

  public FrameView(MessageFrame frame) {
    this.frame = frame;
  }

  /** The account whose code runs on its storage (ADDRESS). */
  public Address address() {
    return frame.recipient();
  }

  /** Call depth, 0 for the transaction's own frame. */
  public int depth() {
    return frame.depth();
  }

  /** Number of words on the stack. */
  public int stackSize() {
    return frame.sp;
  }

  /** The stack word {@code n} places below the top (0 = top). */
  public UInt256 stackItem(int n) {
    if (n < 0 || n >= frame.sp) {
      throw new IndexOutOfBoundsException("stack item " + n + " of " + frame.sp);
    }
    return Word256Math.toUInt256(frame.stack, frame.base(n));
  }

  /** Memory size in bytes, a multiple of 32. */
  public long memorySize() {
    return frame.memorySize();
  }

  /** A copy of the whole memory. */
  public byte[] memory() {
    return Arrays.copyOf(frame.memory(), (int) frame.memorySize());
  }

  /** The output of the latest sub-call or creation (RETURNDATACOPY's source), copied. */
  public byte[] returnData() {
    return frame.returnData.clone();
  }

  /** The transaction's refund counter so far. */
  public long refund() {
    return frame.context().refund();
  }

  /** The instruction's name (geth's spelling for an unassigned opcode). */
  public String operationName(int opcode) {
    return frame.context().evm().operationName(opcode);
  }
}
