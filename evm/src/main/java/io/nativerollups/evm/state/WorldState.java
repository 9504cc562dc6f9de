package io.nativerollups.evm.state;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Set;

/**
 * The journaled world state that transactions execute against: accounts, storage, transient
 * storage (EIP-1153), the EIP-2929 access sets and the per-transaction bookkeeping of EIP-161
 * (touched accounts) and EIP-6780 (accounts created in the transaction). Every mutation, including
 * warming an address or a slot and touching an account, is undone by {@link #revertToSnapshot}.
 *
 * <p>Setters create an absent account. A "non-existent" account reads as nonce 0, balance 0, no
 * code, empty storage.
 */
public interface WorldState {

  /** True if the account is present in state (possibly empty). */
  boolean exists(Address address);

  /** EIP-161 emptiness: the account exists and has nonce 0, balance 0 and no code. */
  boolean isEmpty(Address address);

  /** EIP-161 "dead": absent or empty. */
  default boolean isDead(Address address) {
    return !exists(address) || isEmpty(address);
  }

  /** The nonce, an unsigned 64-bit value. */
  long getNonce(Address address);

  void setNonce(Address address, long nonce);

  UInt256 getBalance(Address address);

  void setBalance(Address address, UInt256 balance);

  /** The code, never null; callers must not modify the returned array. */
  byte[] getCode(Address address);

  /** keccak256 of the code: {@code Keccak256.EMPTY} for an existing account without code, 32 zero bytes for an absent one. */
  byte[] getCodeHash(Address address);

  void setCode(Address address, byte[] code);

  /** True if the account has any non-zero storage slot (EIP-7610 collision rule). */
  boolean hasStorage(Address address);

  /**
   * Creates the account for CREATE/CREATE2: keeps any balance already there, sets nonce 0, no code
   * and clears its storage.
   */
  void createAccount(Address address);

  /** Removes the account and its storage. */
  void deleteAccount(Address address);

  UInt256 getStorage(Address address, UInt256 key);

  /** The slot's value at the start of the current transaction (EIP-2200 "original value"). */
  UInt256 getOriginalStorage(Address address, UInt256 key);

  void setStorage(Address address, UInt256 key, UInt256 value);

  UInt256 getTransientStorage(Address address, UInt256 key);

  void setTransientStorage(Address address, UInt256 key, UInt256 value);

  /** Marks the address warm; returns true if it already was. */
  boolean warmAddress(Address address);

  /** Marks the slot warm; returns true if it already was. */
  boolean warmStorage(Address address, UInt256 key);

  /** Records an EIP-161 touch: if the account is empty when the transaction ends, it is deleted. */
  void touch(Address address);

  /** Records that the account was created in the current transaction (EIP-6780). */
  void markCreated(Address address);

  boolean wasCreatedInTransaction(Address address);

  /** Schedules the account for deletion at the end of the transaction (SELFDESTRUCT). */
  void markSelfDestructed(Address address);

  Set<Address> selfDestructed();

  /** A journal position to return to. */
  int snapshot();

  /** Undoes every change made since {@code snapshot} was taken. */
  void revertToSnapshot(int snapshot);

  /**
   * Starts a transaction: empties transient storage, the access sets, the touched, created and
   * self-destructed sets, and fixes the original storage values.
   */
  void beginTransaction();

  /**
   * Ends a transaction: deletes self-destructed accounts and touched accounts that are empty,
   * and discards the journal (the changes can no longer be reverted).
   */
  void commitTransaction();

  /** The state root of the current state (Merkle Patricia trie of accounts). */
  byte[] rootHash();
}
