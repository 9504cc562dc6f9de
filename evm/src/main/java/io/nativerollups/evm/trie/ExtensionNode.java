package io.nativerollups.evm.trie;

import io.nativerollups.evm.rlp.Rlp;

/** An extension: a shared run of key nibbles (never empty) leading to a single child (a branch). */
final class ExtensionNode extends Node {
  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  @Override
  byte[] encode() {
    return Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, false)), child.reference());
  }
}
