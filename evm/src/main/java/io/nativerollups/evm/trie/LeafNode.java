package io.nativerollups.evm.trie;

import io.nativerollups.evm.rlp.Rlp;

/** A leaf: the remaining key nibbles and the value stored under the full key. */
final class LeafNode extends Node {
  final byte[] path;
  final byte[] value;

  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  @Override
  byte[] encode() {
    return Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, true)), Rlp.encodeBytes(value));
  }
}
