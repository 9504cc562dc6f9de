package io.nativerollups.evm.trie;

/**
 * A child known only by its hash, loaded from a {@link NodeStore} on first use (tries opened from
 * a root hash, proofs, witnesses). Once loaded, the decoded node is kept here.
 */
final class HashNode extends Node {
  private final byte[] hash;
  private Node resolved;

  HashNode(byte[] hash) {
    this.hash = hash;
  }

  /** The loaded node, or null if not loaded yet. */
  Node resolved() {
    return resolved;
  }

  void resolveTo(Node node) {
    this.resolved = node;
  }

  @Override
  byte[] hash() {
    return hash;
  }

  @Override
  boolean isReferencedByHash() {
    return true;
  }

  @Override
  byte[] encode() {
    if (resolved == null) {
      throw new IllegalStateException("trie node not loaded: encoding requested for unresolved hash reference");
    }
    return resolved.encoded();
  }
}
