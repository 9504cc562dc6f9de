package io.nativerollups.evm.processing;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.ExecutionContext;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.evm.vm.MessageResult;
import java.util.List;
import java.util.Map;

/**
 * Runs one message call to code already in a world state, outside any transaction: no nonce, no
 * intrinsic gas, no fee payment, gas price zero. This is what `evmtool run` and the benchmarks
 * time, so that the figure is the interpreter's alone.
 */
public final class MessageCallRunner {
  private final EVM evm;
  private final Map<Address, PrecompiledContract> precompiles;

  public MessageCallRunner(Fork fork) {
    this.precompiles = Precompiles.forFork(fork);
    this.evm = new EVM(fork, precompiles);
  }

  /** What one call did. {@code gasUsed} counts execution only (no intrinsic gas). */
  public record Outcome(boolean success, byte[] output, long gasUsed, List<Log> logs, String haltReason) {}

  /**
   * Calls {@code receiver} from {@code caller} with {@code input} and {@code gas}. With {@code
   * keepChanges} false every change the call made is reverted, so the same call can be repeated
   * on the same state.
   */
  public Outcome call(
      WorldState world, BlockContext block, Address caller, Address receiver, byte[] input, long gas, boolean keepChanges) {
    return call(world, block, caller, receiver, input, gas, keepChanges, null);
  }

  /** {@link #call(WorldState, BlockContext, Address, Address, byte[], long, boolean)}, watched by {@code tracer} when not null. */
  public Outcome call(WorldState world, BlockContext block, Address caller, Address receiver, byte[] input, long gas,
      boolean keepChanges, OperationTracer tracer) {
    world.beginTransaction();
    int snapshot = world.snapshot();
    world.warmAddress(caller);
    world.warmAddress(receiver);
    for (Address precompile : precompiles.keySet()) {
      world.warmAddress(precompile);
    }
    ExecutionContext ctx = new ExecutionContext(evm, world, block, caller, UInt256.ZERO, List.of());
    ctx.setTracer(tracer);
    MessageResult result = evm.executeCall(ctx, FrameType.CALL, caller, receiver, receiver, true, UInt256.ZERO,
        precompiles.get(receiver), world.getCode(receiver), input, gas, false, 0);
    if (!keepChanges) {
      world.revertToSnapshot(snapshot);
    }
    world.commitTransaction();
    return new Outcome(result.isSuccess(), result.output(), gas - result.gasRemaining(),
        List.copyOf(ctx.logs()), result.haltReason());
  }
}
