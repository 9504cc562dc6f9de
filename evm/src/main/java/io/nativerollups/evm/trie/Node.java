package io.nativerollups.evm.trie;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;

/**
 * An immutable trie node. Updates build new nodes along the changed path and share everything
 * else, so each node's RLP encoding and hash are computed at most once and cached: a root hash
 * after a few changes re-hashes only the nodes on the changed paths.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  /** Encodings at least this long are referenced by hash; shorter ones are embedded in the parent. */
  static final int HASH_REFERENCE_THRESHOLD = 32;

  private byte[] encoded;
  private byte[] hash;
  private byte[] reference;

  /** Computes this node's RLP encoding. */
  abstract byte[] encode();

  /** This node's RLP encoding (cached). */
  byte[] encoded() {
    if (encoded == null) {
      encoded = encode();
    }
    return encoded;
  }

  /** Seeds the cache with an encoding known to be this node's (when decoded from it). */
  void cacheEncoding(byte[] encoding) {
    this.encoded = encoding;
  }

  /** keccak256 of the encoding (cached). */
  byte[] hash() {
    if (hash == null) {
      hash = Keccak256.hash(encoded());
    }
    return hash;
  }

  /** True if a parent references this node by hash rather than embedding it. */
  boolean isReferencedByHash() {
    return encoded().length >= HASH_REFERENCE_THRESHOLD;
  }

  /**
   * How this node appears inside its parent's encoding: embedded, or the RLP string of its hash.
   * Cached, since every re-encoding of a parent on a changed path reuses its unchanged children's.
   */
  byte[] reference() {
    if (reference == null) {
      reference = isReferencedByHash() ? Rlp.encodeBytes(hash()) : encoded();
    }
    return reference;
  }
}
