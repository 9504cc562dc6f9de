package io.nativerollups.node.rpc.debug;

import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tracing.StateView;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.Log;

/**
 * Passes every event on to a tracer until a deadline, then aborts the execution by throwing {@link
 * TimedOut} from the next step or frame: the TraceConfig {@code timeout} (geth's "execution
 * timeout"). The replay's state is a private copy, so abandoning it half-way is harmless.
 */
final class TimeLimitedTracer implements OperationTracer {
  /** The trace ran past its deadline. */
  static final class TimedOut extends RuntimeException {
    TimedOut() {
      super("execution timeout", null, false, false);
    }
  }

  private final OperationTracer tracer;
  private final long deadlineNanos;

  /** @param deadlineNanos a {@link System#nanoTime()} value */
  TimeLimitedTracer(OperationTracer tracer, long deadlineNanos) {
    this.tracer = tracer;
    this.deadlineNanos = deadlineNanos;
  }

  private void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new TimedOut();
    }
  }

  @Override
  public void onTransactionStart(Transaction tx, BlockContext block, StateView state) {
    check();
    tracer.onTransactionStart(tx, block, state);
  }

  @Override
  public void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {
    tracer.onTransactionEnd(tx, result, state);
  }

  @Override
  public void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
      long gas) {
    check();
    tracer.onFrameEnter(type, depth, from, to, value, input, gas);
  }

  @Override
  public void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {
    tracer.onFrameExit(depth, output, gasUsed, state, error);
  }

  @Override
  public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
    check();
    tracer.onStepStart(pc, opcode, gas, frame);
  }

  @Override
  public void onStorageAccess(UInt256 key, UInt256 value, boolean write, FrameView frame) {
    tracer.onStorageAccess(key, value, write, frame);
  }

  @Override
  public void onLog(Log log) {
    tracer.onLog(log);
  }

  @Override
  public void onStepEnd(int pc, int opcode, long gasBefore, long gasCost, String error, FrameView frame) {
    tracer.onStepEnd(pc, opcode, gasBefore, gasCost, error, frame);
  }
}
