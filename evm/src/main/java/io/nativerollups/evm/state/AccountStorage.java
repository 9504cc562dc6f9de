package io.nativerollups.evm.state;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.evm.types.UInt256;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The storage slots of one account together with its storage trie. The trie lags behind the
 * slots: written slots are remembered as dirty and only those are re-hashed when the root is asked
 * for, so a root costs work proportional to what changed since the last one.
 *
 * <p>A storage held wholly in memory knows every non-zero slot; one opened on a node store at a
 * storage root loads each slot from the trie on first read (and then remembers it, zero included).
 *
 * <p>Clearing an account's storage replaces the whole {@code AccountStorage} object (so a revert
 * can put the old one back in O(1)); the slots, trie and dirty set of one object always agree.
 */
final class AccountStorage {
  /** Known slot values (zero for a slot read as unset or cleared). */
  private final Map<UInt256, UInt256> slots = new HashMap<>();
  private final Set<UInt256> dirty = new HashSet<>();
  private final MerklePatriciaTrie trie;
  private final boolean backed;

  /** An empty storage. */
  AccountStorage() {
    trie = new MerklePatriciaTrie();
    backed = false;
  }

  /** The storage with trie root {@code storageRoot}, loading slots from {@code nodes} on demand. */
  AccountStorage(NodeStore nodes, byte[] storageRoot) {
    trie = new MerklePatriciaTrie(nodes, storageRoot);
    backed = true;
  }

  /** The slot's value; zero if unset. */
  UInt256 get(UInt256 key) {
    UInt256 v = slots.get(key);
    if (v == null) {
      v = backed ? load(key) : UInt256.ZERO;
    }
    return v;
  }

  private UInt256 load(UInt256 key) {
    byte[] encoded = trie.get(Keccak256.hash(key.toBytes()));
    UInt256 v = encoded == null ? UInt256.ZERO : Rlp.decode(encoded).asUInt256();
    slots.put(key, v);
    return v;
  }

  /** Stores the value (zero clears the slot) and returns the previous value. */
  UInt256 put(UInt256 key, UInt256 value) {
    UInt256 previous = get(key);
    dirty.add(key);
    slots.put(key, value);
    return previous;
  }

  /** True if no slot is non-zero. */
  boolean isEmpty() {
    flush();
    return trie.isEmpty();
  }

  /** Root of the storage trie: key keccak(slot as 32 bytes), value rlp(minimal big-endian value). */
  byte[] rootHash() {
    flush();
    return trie.rootHash();
  }

  /** Writes the storage trie's nodes held in memory into {@code target}. */
  void commit(NodeStore target) {
    flush();
    trie.commit(target);
  }

  private void flush() {
    for (UInt256 key : dirty) {
      byte[] hashedKey = Keccak256.hash(key.toBytes());
      UInt256 value = slots.get(key);
      if (value.isZero()) {
        trie.remove(hashedKey);
        if (!backed) {
          slots.remove(key); // a storage held in memory reads an absent slot as zero anyway
        }
      } else {
        trie.put(hashedKey, Rlp.encodeBytes(value.toMinimalBytes()));
      }
    }
    dirty.clear();
  }
}
