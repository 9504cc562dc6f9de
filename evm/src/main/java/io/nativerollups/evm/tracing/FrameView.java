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

  /** CALLER. */
  public Address caller() {
    return frame.sender();
  }

  /** Call depth, 0 for the transaction's own frame. */
  public int depth() {
    return frame.depth();
  }

  public int pc() {
    return frame.pc;
  }

  public long gasRemaining() {
    return frame.gasRemaining;
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

  /** A copy of {@code size} bytes of memory at {@code offset}, zeros past its end. */
  public byte[] memory(long offset, int size) {
    byte[] out = new byte[size];
    long available = Math.max(0, Math.min(size, frame.memorySize() - offset));
    if (available > 0) {
      System.arraycopy(frame.memory(), (int) offset, out, 0, (int) available);
    }
    return out;
  }

  /** The output of the latest sub-call or creation (RETURNDATACOPY's source), copied. */
  public byte[] returnData() {
    return frame.returnData.clone();
  }

  /** The world state as it is at this point of the execution. */
  public StateView state() {
    return new StateView(frame.context().world());
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
