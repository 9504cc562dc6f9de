package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.ExecutionContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.MessageResult;
import io.nativerollups.evm.vm.Word256Math;

/**
 * The shared flow of CREATE and CREATE2: EIP-3860 initcode limit and word cost, depth, balance and
 * nonce checks, the nonce bump, EIP-2929 warming of the new address, the EIP-7610 collision rule
 * (which consumes the gas passed on) and the 63/64 rule.
 */
public abstract class AbstractCreateOperation extends AbstractOperation {
  private static final byte[] EMPTY = new byte[0];
  protected final GasCalculator gasCalculator;
  private final FrameType frameType;

  protected AbstractCreateOperation(int opcode, String name, int stackInputs, GasCalculator gasCalculator) {
    super(opcode, name, stackInputs, 1, gasCalculator.createGasCost());
    this.gasCalculator = gasCalculator;
    this.frameType = FrameType.valueOf(name);
  }

  /** Extra gas per initcode word beyond the EIP-3860 charge (CREATE2 hashes the code). */
  protected abstract long extraWordGasCost();

  /** The new contract's address; {@code frame} still holds the operation's inputs on its stack. */
  protected abstract Address newAddress(MessageFrame frame, Address sender, long senderNonce, byte[] initcode);

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt(name() + " in static context");
      return 0;
    }
    UInt256 value = Word256Math.toUInt256(frame.stack, frame.base(0));
    long offset = frame.clamp(frame.base(1));
    long size = frame.clamp(frame.base(2));
    if (size > gasCalculator.maxInitcodeSize()) {
      frame.halt("initcode size limit exceeded");
      return 0;
    }
    long words = (size + 31) >>> 5;
    if (!frame.expandMemory(offset, size)
        || !frame.consumeGas((gasCalculator.initcodeWordGasCost() + extraWordGasCost()) * words)) {
      return 0;
    }
    frame.returnData = EMPTY;
    ExecutionContext ctx = frame.context();
    WorldState world = ctx.world();
    Address sender = frame.recipient();
    long nonce = world.getNonce(sender);
    byte[] initcode = frame.readMemory(offset, size);
    Address address = newAddress(frame, sender, nonce, initcode);
    frame.sp -= stackInputs();
    long childGas = gasCalculator.maxCallGas(frame.gasRemaining);
    String refusal = frame.depth() >= EVM.MAX_DEPTH ? "max call depth exceeded"
        : world.getBalance(sender).compareTo(value) < 0 ? "insufficient balance for transfer"
        : nonce == -1L ? "nonce uint64 overflow"
        : null;
    if (refusal != null) {
      EVM.traceImmediateFrame(ctx, frameType, frame.depth() + 1, sender, address, value, initcode, childGas, childGas,
          FrameState.EXCEPTIONAL_HALT, refusal);
      frame.pushLong(0);
      return 1;
    }
    world.setNonce(sender, nonce + 1);
    frame.gasRemaining -= childGas;
    world.warmAddress(address);
    if (EVM.hasCreationCollision(world, address)) {
      EVM.traceImmediateFrame(ctx, frameType, frame.depth() + 1, sender, address, value, initcode, childGas, 0,
          FrameState.EXCEPTIONAL_HALT, "contract address collision");
      frame.pushLong(0);
      return 1;
    }
    MessageResult result =
        ctx.evm().executeCreate(ctx, frameType, sender, address, value, initcode, childGas, frame.depth() + 1);
    frame.gasRemaining += result.gasRemaining();
    if (result.isSuccess()) {
      frame.pushAddress(address);
    } else {
      if (result.state() == FrameState.REVERTED) {
        frame.returnData = result.output();
      }
      frame.pushLong(0);
    }
    return 1;
  }
}
