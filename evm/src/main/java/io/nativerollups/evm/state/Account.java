package io.nativerollups.evm.state;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;

/**
 * One account's mutable fields inside {@link InMemoryWorldState}. Mutated in place; the world
 * state journals the previous values so it can undo each change.
 */
final class Account {
  static final byte[] NO_CODE = new byte[0];

  long nonce;
  UInt256 balance = UInt256.ZERO;
  /** Null until loaded when the state is backed by a code store. */
  byte[] code = NO_CODE;
  byte[] codeHash = Keccak256.EMPTY;
  AccountStorage storage = new AccountStorage();

  /** EIP-161 emptiness; storage does not count. */
  boolean isEmpty() {
    return nonce == 0 && balance.isZero() && Arrays.equals(codeHash, Keccak256.EMPTY);
  }
}
