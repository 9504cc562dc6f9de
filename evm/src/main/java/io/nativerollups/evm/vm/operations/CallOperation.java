package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.MessageFrame;
import io.nativerollups.evm.vm.Word256Math;

/** CALL: runs the target's code on the target's account, optionally sending value. */
public final class CallOperation extends AbstractCallOperation {

  public CallOperation(GasCalculator gasCalculator) {
    super(0xf1, "CALL", true, true, gasCalculator);
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic() && !Word256Math.isZero(frame.stack, frame.base(2))) {
      frame.halt("CALL with value in static context");
      return 0;
    }
    return super.execute(frame);
  }

  @Override
  protected long valueCost(WorldState world, Address target) {
    long cost = super.valueCost(world, target);
    return world.isDead(target) ? cost + gasCalculator.newAccountGasCost() : cost;
  }
}
