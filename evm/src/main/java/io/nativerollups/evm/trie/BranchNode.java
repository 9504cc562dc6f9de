package io.nativerollups.evm.trie;

import io.nativerollups.evm.rlp.Rlp;

/** A branch: one child slot per next nibble, plus the value of a key that ends here (null if none). */
final class BranchNode extends Node {
  private static final int RADIX = 16;

  final Node[] children;
  final byte[] value;

  /** Takes ownership of {@code children} (length 16, null = empty slot). */
  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  static Node[] emptyChildren() {
    return new Node[RADIX];
  }

  /** A copy of this branch with slot {@code nibble} replaced. */
  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  @Override
  byte[] encode() {
    byte[][] items = new byte[RADIX + 1][];
    for (int i = 0; i < RADIX; i++) {
      items[i] = children[i] == null ? Rlp.EMPTY_STRING : children[i].reference();
    }
    items[RADIX] = value == null ? Rlp.EMPTY_STRING : Rlp.encodeBytes(value);
    return Rlp.encodeList(items);
  }
}
