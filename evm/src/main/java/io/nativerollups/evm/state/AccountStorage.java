package io.nativerollups.evm.state;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.types.UInt256;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The non-zero storage slots of one account together with its storage trie. The trie lags behind
 * the slots: written slots are remembered as dirty and only those are re-hashed when the root is
 * asked for, so a root costs work proportional to what changed since the last one.
 *
 * <p>Clearing an account's storage replaces the whole {@code AccountStorage} object (so a revert
 * can put the old one back in O(1)); the slots, trie and dirty set of one object always agree.
 */
final class AccountStorage {
  private final Map<UInt256, UInt256> slots = new HashMap<>();
  private final Set<UInt256> dirty = new HashSet<>();
  private final MerklePatriciaTrie trie = new MerklePatriciaTrie();

  /** The slot's value; zero if unset. */
  UInt256 get(UInt256 key) {
    UInt256 v = slots.get(key);
    return v == null ? UInt256.ZERO : v;
  }

  /** Stores the value (zero removes the slot) and returns the previous value. */
  UInt256 put(UInt256 key, UInt256 value) {
    dirty.add(key);
    UInt256 previous = value.isZero() ? slots.remove(key) : slots.put(key, value);
    return previous == null ? UInt256.ZERO : previous;
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /** Root of the storage trie: key keccak(slot as 32 bytes), value rlp(minimal big-endian value). */
  byte[] rootHash() {
    for (UInt256 key : dirty) {
      byte[] hashedKey = Keccak256.hash(key.toBytes());
      UInt256 value = slots.get(key);
      if (value == null) {
        trie.remove(hashedKey);
      } else {
        trie.put(hashedKey, Rlp.encodeBytes(value.toMinimalBytes()));
      }
    }
    dirty.clear();
    return trie.rootHash();
  }
}
