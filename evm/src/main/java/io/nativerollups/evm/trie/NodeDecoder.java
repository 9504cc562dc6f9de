package io.nativerollups.evm.trie;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;

/** Decodes trie node encodings (from a store, a proof or a witness), rejecting malformed nodes. */
final class NodeDecoder {
  private static final int BRANCH_ITEMS = 17;
  private static final int SHORT_NODE_ITEMS = 2;
  private static final int HASH_LENGTH = 32;

  private NodeDecoder() {}

  /** Decodes one node; its children are embedded nodes or {@link HashNode}s to load later. */
  static Node decode(byte[] encoded) {
    Node node = fromItem(Rlp.decode(encoded));
    node.cacheEncoding(encoded);
    return node;
  }

  private static Node fromItem(RlpItem item) {
    if (!item.isList()) {
      throw new RlpException("trie node at offset " + item.offset() + " must be a list");
    }
    var items = item.items();
    if (items.size() == SHORT_NODE_ITEMS) {
      byte[] hp = items.get(0).bytes();
      byte[] path = Nibbles.fromHexPrefix(hp, items.get(0).offset());
      if (Nibbles.isLeaf(hp, items.get(0).offset())) {
        byte[] value = items.get(1).bytes();
        if (value.length == 0) {
          throw new RlpException("leaf node at offset " + item.offset() + " has an empty value");
        }
        return new LeafNode(path, value);
      }
      if (path.length == 0) {
        throw new RlpException("extension node at offset " + item.offset() + " has an empty path");
      }
      Node child = childFromItem(items.get(1));
      if (child == null) {
        throw new RlpException("extension node at offset " + item.offset() + " has no child");
      }
      return new ExtensionNode(path, child);
    }
    if (items.size() == BRANCH_ITEMS) {
      Node[] children = BranchNode.emptyChildren();
      for (int i = 0; i < children.length; i++) {
        children[i] = childFromItem(items.get(i));
      }
      byte[] value = items.get(BRANCH_ITEMS - 1).bytes();
      return new BranchNode(children, value.length == 0 ? null : value);
    }
    throw new RlpException("trie node at offset " + item.offset() + " has " + items.size()
        + " items; expected 2 (leaf/extension) or 17 (branch)");
  }

  /** A child slot: empty string = none, 32 bytes = hash reference, list = embedded node (< 32 bytes). */
  private static Node childFromItem(RlpItem item) {
    if (item.isList()) {
      byte[] encoded = item.encoded();
      if (encoded.length >= Node.HASH_REFERENCE_THRESHOLD) {
        throw new RlpException("embedded trie node at offset " + item.offset() + " is " + encoded.length
            + " bytes; nodes of 32 bytes or more must be referenced by hash");
      }
      Node node = fromItem(item);
      node.cacheEncoding(encoded);
      return node;
    }
    byte[] ref = item.bytes();
    if (ref.length == 0) {
      return null;
    }
    if (ref.length != HASH_LENGTH) {
      throw new RlpException("trie child reference at offset " + item.offset() + " is " + ref.length
          + " bytes; expected a 32-byte hash or an embedded node");
    }
    return new HashNode(ref);
  }
}
