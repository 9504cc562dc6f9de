package io.nativerollups.evm.vm;

import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.List;

/**
 * What every frame of one transaction shares: the world, the block, the transaction's origin, gas
 * price and blob hashes, the logs emitted so far and the refund counter. Logs and refunds of a
 * failing frame are rolled back by the EVM.
 */
public final class ExecutionContext {
  private final EVM evm;
  private final WorldState world;
  private final BlockContext block;
  private final Address origin;
  private final UInt256 gasPrice;
  private final List<byte[]> blobHashes;
  private final ArrayList<Log> logs = new ArrayList<>();
  /** Operand stacks by call depth: only one frame per depth is alive at a time, so they are reused. */
  private final long[][] stacks = new long[EVM.MAX_DEPTH + 1][];
  private long refund;
  private OperationTracer tracer;
  /**
   * Set by the EVM when a traced frame exits: what the calling instruction's traced cost must add
   * back (the gas the callee returned, minus, for a creation, the gas it was given).
   */
  long tracedChildGasAdjustment;

  public ExecutionContext(
      EVM evm, WorldState world, BlockContext block, Address origin, UInt256 gasPrice, List<byte[]> blobHashes) {
    this.evm = evm;
    this.world = world;
    this.block = block;
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobHashes = blobHashes;
  }

  public EVM evm() {
    return evm;
  }

  public WorldState world() {
    return world;
  }

  public BlockContext block() {
    return block;
  }

  public Address origin() {
    return origin;
  }

  public UInt256 gasPrice() {
    return gasPrice;
  }

  public List<byte[]> blobHashes() {
    return blobHashes;
  }

  /** The operand stack for a frame at {@code depth}; its old contents are garbage below no frame. */
  long[] stackForDepth(int depth) {
    long[] stack = stacks[depth];
    if (stack == null) {
      stack = new long[MessageFrame.MAX_STACK * 4];
      stacks[depth] = stack;
    }
    return stack;
  }

  /** The logs emitted by frames that have not failed. */
  public List<Log> logs() {
    return logs;
  }

  public void addLog(Log log) {
    logs.add(log);
    if (tracer != null) {
      tracer.onLog(log);
    }
  }

  /** Drops logs emitted after the first {@code size}. */
  void truncateLogs(int size) {
    while (logs.size() > size) {
      logs.remove(logs.size() - 1);
    }
  }

  /** The refund counter; may be negative while frames run. */
  public long refund() {
    return refund;
  }

  public void addRefund(long delta) {
    refund += delta;
  }

  void setRefund(long value) {
    refund = value;
  }

  /** The tracer watching this transaction, or null (the default: the untraced interpreter loop). */
  public OperationTracer tracer() {
    return tracer;
  }

  /** Watches this context's execution with {@code tracer}; null turns tracing off. */
  public void setTracer(OperationTracer tracer) {
    this.tracer = tracer;
  }
}
