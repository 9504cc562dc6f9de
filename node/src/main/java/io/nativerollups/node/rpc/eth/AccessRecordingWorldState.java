package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A world state that remembers every address and storage slot warmed (EIP-2929) while a call runs:
 * what eth_createAccessList reports. Everything else is passed through to the wrapped state.
 */
final class AccessRecordingWorldState implements WorldState {
  private final WorldState world;
  private final Map<Address, Set<UInt256>> accessed = new LinkedHashMap<>();

  AccessRecordingWorldState(WorldState world) {
    this.world = world;
  }

  /** The addresses warmed, each with the slots warmed in it, in first-access order. */
  Map<Address, Set<UInt256>> accessed() {
    return accessed;
  }

  @Override
  public boolean warmAddress(Address address) {
    accessed.computeIfAbsent(address, a -> new LinkedHashSet<>());
    return world.warmAddress(address);
  }

  @Override
  public boolean warmStorage(Address address, UInt256 key) {
    accessed.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(key);
    return world.warmStorage(address, key);
  }

  @Override public boolean exists(Address a) { return world.exists(a); }
  @Override public boolean isEmpty(Address a) { return world.isEmpty(a); }
  @Override public long getNonce(Address a) { return world.getNonce(a); }
  @Override public void setNonce(Address a, long nonce) { world.setNonce(a, nonce); }
  @Override public UInt256 getBalance(Address a) { return world.getBalance(a); }
  @Override public void setBalance(Address a, UInt256 balance) { world.setBalance(a, balance); }
  @Override public byte[] getCode(Address a) { return world.getCode(a); }
  @Override public byte[] getCodeHash(Address a) { return world.getCodeHash(a); }
  @Override public void setCode(Address a, byte[] code) { world.setCode(a, code); }
  @Override public boolean hasStorage(Address a) { return world.hasStorage(a); }
  @Override public void createAccount(Address a) { world.createAccount(a); }
  @Override public void deleteAccount(Address a) { world.deleteAccount(a); }
  @Override public UInt256 getStorage(Address a, UInt256 k) { return world.getStorage(a, k); }
  @Override public UInt256 getOriginalStorage(Address a, UInt256 k) { return world.getOriginalStorage(a, k); }
  @Override public void setStorage(Address a, UInt256 k, UInt256 v) { world.setStorage(a, k, v); }
  @Override public UInt256 getTransientStorage(Address a, UInt256 k) { return world.getTransientStorage(a, k); }
  @Override public void setTransientStorage(Address a, UInt256 k, UInt256 v) { world.setTransientStorage(a, k, v); }
  @Override public void touch(Address a) { world.touch(a); }
  @Override public void markCreated(Address a) { world.markCreated(a); }
  @Override public boolean wasCreatedInTransaction(Address a) { return world.wasCreatedInTransaction(a); }
  @Override public void markSelfDestructed(Address a) { world.markSelfDestructed(a); }
  @Override public Set<Address> selfDestructed() { return world.selfDestructed(); }
  @Override public int snapshot() { return world.snapshot(); }
  @Override public void revertToSnapshot(int snapshot) { world.revertToSnapshot(snapshot); }
  @Override public void beginTransaction() { world.beginTransaction(); }
  @Override public void commitTransaction() { world.commitTransaction(); }
  @Override public byte[] rootHash() { return world.rootHash(); }
}
