package io.nativerollups.evm.trie;

/**
 * Trie node encodings keyed by their keccak256 hash. A trie opened from a root hash loads nodes
 * through {@link #get} on first use, so a store wrapper sees (and can record) every node a
 * computation reads; {@link MerklePatriciaTrie#commit} writes a trie's hashed nodes here.
 * Encodings are shared, not copied: neither side may modify an array after handing it over.
 */
public interface NodeStore {
  /** The encoding whose keccak256 is {@code hash}, or null if this store does not hold it. */
  byte[] get(byte[] hash);

  /** Stores {@code encoded} under {@code hash}, which must be keccak256 of it. */
  void put(byte[] hash, byte[] encoded);
}
