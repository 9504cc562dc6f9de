package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.Delegation;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.ExecutionContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.MessageResult;
import io.nativerollups.evm.vm.Word256Math;

/**
 * The shared flow of CALL, CALLCODE, DELEGATECALL and STATICCALL: memory expansion, EIP-2929
 * access (and, from Prague, the access of an EIP-7702 delegation target), value and new-account
 * charges, the EIP-150 63/64 rule, the stipend, depth and balance checks, and copying the output.
 */
public abstract class AbstractCallOperation extends AbstractOperation {
  private static final byte[] EMPTY = new byte[0];
  protected final GasCalculator gasCalculator;
  /** Whether the operation takes a value argument (CALL, CALLCODE). */
  private final boolean takesValue;
  /** Whether the value moves from caller to recipient and the recipient is touched. */
  private final boolean transfers;
  private final FrameType frameType;

  /**
   * @param takesValue whether a value word sits on the stack after the target address
   * @param transfers whether the value moves from caller to recipient and the recipient is touched
   */
  protected AbstractCallOperation(
      int opcode, String name, boolean takesValue, boolean transfers, GasCalculator gasCalculator) {
    super(opcode, name, takesValue ? 7 : 6, 1, 0);
    this.gasCalculator = gasCalculator;
    this.takesValue = takesValue;
    this.transfers = transfers;
    this.frameType = FrameType.valueOf(name);
  }

  /** The account the callee acts on; by default the target (CALL, STATICCALL). */
  protected Address recipient(MessageFrame frame, Address target) {
    return target;
  }

  /** CALLER in the callee; by default the current account. */
  protected Address caller(MessageFrame frame) {
    return frame.recipient();
  }

  /** CALLVALUE in the callee; by default the value argument (zero when there is none). */
  protected UInt256 apparentValue(MessageFrame frame, UInt256 value) {
    return value;
  }

  /** Whether the callee runs in a static context; by default inherited from the caller. */
  protected boolean isStatic(MessageFrame frame) {
    return frame.isStatic();
  }

  /** Extra cost when value is sent (CALL also pays for bringing a dead account to life). */
  protected long valueCost(WorldState world, Address target) {
    return gasCalculator.callValueTransferGasCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    long[] s = frame.stack;
    long requestedGas = frame.clamp(frame.base(0));
    Address target = Word256Math.toAddress(s, frame.base(1));
    int next = 2;
    UInt256 value = UInt256.ZERO;
    if (takesValue) {
      value = Word256Math.toUInt256(s, frame.base(2));
      next = 3;
    }
    long inOffset = frame.clamp(frame.base(next));
    long inSize = frame.clamp(frame.base(next + 1));
    long outOffset = frame.clamp(frame.base(next + 2));
    long outSize = frame.clamp(frame.base(next + 3));
    frame.sp -= stackInputs();
    if (!frame.expandMemory(inOffset, inSize, outOffset, outSize)) {
      return 0;
    }
    ExecutionContext ctx = frame.context();
    EVM evm = ctx.evm();
    WorldState world = ctx.world();
    long cost = AccessCosts.accountAccessCost(frame, gasCalculator, target);
    byte[] code = world.getCode(target);
    PrecompiledContract precompile = null;
    if (evm.supportsDelegation() && Delegation.isDesignator(code)) {
      Address delegate = Delegation.target(code);
      cost += AccessCosts.accountAccessCost(frame, gasCalculator, delegate);
      // a delegation to a precompile runs no code
      code = evm.precompiles().containsKey(delegate) ? EMPTY : world.getCode(delegate);
    } else {
      precompile = evm.precompiles().get(target);
    }
    if (!value.isZero()) {
      cost += valueCost(world, target);
    }
    if (!frame.consumeGas(cost)) {
      return 0;
    }
    long callGas = Math.min(requestedGas, gasCalculator.maxCallGas(frame.gasRemaining));
    frame.gasRemaining -= callGas;
    if (!value.isZero()) {
      callGas += gasCalculator.callStipend();
    }
    frame.returnData = EMPTY;
    Address self = frame.recipient();
    byte[] input = frame.readMemory(inOffset, inSize);
    UInt256 calleeValue = apparentValue(frame, value);
    boolean tooDeep = frame.depth() >= EVM.MAX_DEPTH;
    if (tooDeep || (!value.isZero() && world.getBalance(self).compareTo(value) < 0)) {
      EVM.traceImmediateFrame(ctx, frameType, frame.depth() + 1, self, target, calleeValue, input, callGas, callGas,
          FrameState.EXCEPTIONAL_HALT, tooDeep ? "max call depth exceeded" : "insufficient balance for transfer");
      frame.gasRemaining += callGas;
      frame.pushLong(0);
      return 1;
    }
    MessageResult result = evm.executeCall(ctx, frameType, caller(frame), recipient(frame, target), target,
        transfers, calleeValue, precompile, code, input, callGas, isStatic(frame), frame.depth() + 1);
    frame.gasRemaining += result.gasRemaining();
    if (result.state() != FrameState.EXCEPTIONAL_HALT) {
      byte[] output = result.output();
      frame.returnData = output;
      frame.writeMemory(outOffset, output, 0, Math.min(outSize, output.length));
    }
    frame.pushBoolean(result.isSuccess());
    return 1;
  }
}
