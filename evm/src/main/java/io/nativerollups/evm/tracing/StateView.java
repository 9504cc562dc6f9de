package io.nativerollups.evm.tracing;

import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;

/** Read-only access to the world state for an {@link OperationTracer} (prestate, diffs). */
public final class StateView {
  private final WorldState world;

  public StateView(WorldState world) {
    this.world = world;
  }

  public boolean exists(Address address) {
    return world.exists(address);
  }

  public UInt256 balance(Address address) {
    return world.getBalance(address);
  }

  public long nonce(Address address) {
    return world.getNonce(address);
  }

  /** A copy of the account's code. */
  public byte[] code(Address address) {
    return world.getCode(address).clone();
  }

  public byte[] codeHash(Address address) {
    return world.getCodeHash(address).clone();
  }

  /** The slot's current value (this transaction's writes included). */
  public UInt256 storage(Address address, UInt256 key) {
    return world.getStorage(address, key);
  }
}
