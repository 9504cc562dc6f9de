package io.nativerollups.evm.trie;

import java.util.HexFormat;

/** A trie operation needed a node that its {@link NodeStore} does not hold (e.g. outside a witness). */
public class MissingTrieNodeException extends RuntimeException {
  private final byte[] hash;

  /** @param hash the keccak256 of the node that was needed */
  public MissingTrieNodeException(byte[] hash) {
    super("trie node 0x" + HexFormat.of().formatHex(hash) + " is not in the node store");
    this.hash = hash.clone();
  }

  /** The missing node's hash. */
  public byte[] hash() {
    return hash.clone();
  }
}
