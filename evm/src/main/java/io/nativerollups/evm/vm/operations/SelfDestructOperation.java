package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageFrame;

/** SELFDESTRUCT under EIP-6780: sends the whole balance to the beneficiary; the account is only deleted if it was created in this transaction. */
public final class SelfDestructOperation extends AbstractOperation {
  private static final byte[] EMPTY = new byte[0];
  private final GasCalculator gasCalculator;

  public SelfDestructOperation(GasCalculator gasCalculator) {
    super(0xff, "SELFDESTRUCT", 1, 0, gasCalculator.selfDestructGasCost());
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt("SELFDESTRUCT in static context");
      return 0;
    }
    Address beneficiary = frame.popAddress();
    WorldState world = frame.context().world();
    Address self = frame.recipient();
    UInt256 balance = world.getBalance(self);
    long cost = world.warmAddress(beneficiary) ? 0 : gasCalculator.coldAccountAccessCost();
    if (!balance.isZero() && world.isDead(beneficiary)) {
      cost += gasCalculator.newAccountGasCost();
    }
    if (!frame.consumeGas(cost)) {
      return 0;
    }
    EVM.traceImmediateFrame(frame.context(), FrameType.SELFDESTRUCT, frame.depth() + 1, self, beneficiary, balance,
        EMPTY, 0, 0, FrameState.SUCCESS, null);
    boolean createdNow = world.wasCreatedInTransaction(self);
    if (!beneficiary.equals(self)) {
      world.setBalance(beneficiary, world.getBalance(beneficiary).add(balance));
      world.setBalance(self, UInt256.ZERO);
    } else if (createdNow) {
      // the balance is burnt together with the account
      world.setBalance(self, UInt256.ZERO);
    }
    world.touch(beneficiary);
    if (createdNow) {
      world.markSelfDestructed(self);
    }
    frame.state = FrameState.SUCCESS;
    return 0;
  }
}
