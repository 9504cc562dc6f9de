package io.nativerollups.evm.trie;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ethereum's Merkle Patricia trie (Yellow Paper, appendix D), in memory.
 *
 * <p>Nodes are immutable: an update rebuilds the path from the root to the changed key and shares
 * every other node, whose encodings and hashes stay cached. {@link #rootHash()} therefore hashes
 * only nodes created since the previous call, and {@link #copy()} is a constant-time snapshot.
 *
 * <p>A trie opened with {@link #MerklePatriciaTrie(NodeStore, byte[])} starts as a bare root hash
 * and loads nodes from the store as operations reach them, so it can run on a partial set of nodes
 * (a proof or a witness); reaching a node the store lacks throws {@link MissingTrieNodeException}.
 *
 * <p>Keys are used as given (a "secure" trie is the caller hashing keys with keccak256). Not thread-safe.
 */
public final class MerklePatriciaTrie {
  private final NodeStore store;
  private Node root;

  /** An empty trie. */
  public MerklePatriciaTrie() {
    this(null, (Node) null);
  }

  /** The trie with root {@code rootHash}, loading nodes from {@code store} on demand. */
  public MerklePatriciaTrie(NodeStore store, byte[] rootHash) {
    this(store, Arrays.equals(rootHash, Keccak256.EMPTY_TRIE_ROOT) ? null : new HashNode(rootHash.clone()));
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("root hash must be 32 bytes, got " + rootHash.length);
    }
  }

  private MerklePatriciaTrie(NodeStore store, Node root) {
    this.store = store;
    this.root = root;
  }

  /** A snapshot sharing all nodes with this trie; later changes to either do not affect the other. */
  public MerklePatriciaTrie copy() {
    return new MerklePatriciaTrie(store, root);
  }

  /** True if the trie holds no keys. */
  public boolean isEmpty() {
    return root == null;
  }

  /** The value stored under {@code key} (a copy), or null if absent. */
  public byte[] get(byte[] key) {
    byte[] path = Nibbles.fromKey(key);
    int pos = 0;
    Node node = root;
    while (true) {
      node = resolve(node);
      switch (node) {
        case null -> {
          return null;
        }
        case LeafNode leaf -> {
          boolean match = leaf.path.length == path.length - pos
              && Nibbles.commonPrefix(leaf.path, path, pos) == leaf.path.length;
          return match ? leaf.value.clone() : null;
        }
        case ExtensionNode ext -> {
          if (Nibbles.commonPrefix(ext.path, path, pos) != ext.path.length) {
            return null;
          }
          pos += ext.path.length;
          node = ext.child;
        }
        case BranchNode branch -> {
          if (pos == path.length) {
            return branch.value == null ? null : branch.value.clone();
          }
          node = branch.children[path[pos++]];
        }
        case HashNode unreachable -> throw new IllegalStateException("resolve returned a hash node");
      }
    }
  }

  /** Stores {@code value} under {@code key}; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    if (value.length == 0) {
      remove(key);
      return;
    }
    root = insert(root, Nibbles.fromKey(key), 0, value.clone());
  }

  /** Removes {@code key}; no effect if absent. */
  public void remove(byte[] key) {
    root = delete(root, Nibbles.fromKey(key), 0);
  }

  /** keccak256 of the root node's encoding; {@link Keccak256#EMPTY_TRIE_ROOT} for an empty trie. */
  public byte[] rootHash() {
    return root == null ? Keccak256.EMPTY_TRIE_ROOT.clone() : root.hash().clone();
  }

  /**
   * The proof for {@code key}: the encodings of the nodes on its path that are referenced by hash
   * (the root always included), root first. It proves the value, or the key's absence, to anyone
   * holding the root hash; see {@link #verifyProof}.
   */
  public List<byte[]> proof(byte[] key) {
    List<byte[]> proof = new ArrayList<>();
    byte[] path = Nibbles.fromKey(key);
    int pos = 0;
    Node node = root;
    boolean atRoot = true;
    while (node != null) {
      Node loaded = resolve(node);
      if (atRoot || loaded.isReferencedByHash()) {
        proof.add(loaded.encoded().clone());
      }
      atRoot = false;
      node = switch (loaded) {
        case LeafNode leaf -> null;
        case ExtensionNode ext -> {
          if (Nibbles.commonPrefix(ext.path, path, pos) != ext.path.length) {
            yield null;
          }
          pos += ext.path.length;
          yield ext.child;
        }
        case BranchNode branch -> pos == path.length ? null : branch.children[path[pos++]];
        case HashNode unreachable -> throw new IllegalStateException("resolve returned a hash node");
      };
    }
    return proof;
  }

  /**
   * Checks a proof from {@link #proof} against {@code rootHash}.
   *
   * @return the value proven to be stored under {@code key}, or null if the proof shows it absent
   * @throws InvalidProofException if the proof lacks a node on the key's path, or a node is malformed
   */
  public static byte[] verifyProof(byte[] rootHash, byte[] key, List<byte[]> proof) {
    MerklePatriciaTrie partial = new MerklePatriciaTrie(InMemoryNodeStore.of(proof), rootHash);
    try {
      return partial.get(key);
    } catch (MissingTrieNodeException e) {
      throw new InvalidProofException("proof does not reach key: " + e.getMessage(), e);
    } catch (RlpException e) {
      throw new InvalidProofException("malformed node in proof: " + e.getMessage(), e);
    }
  }

  /** Root of the trie mapping rlp(i) to {@code values[i]}: the transactions, receipts and withdrawals roots. */
  public static byte[] orderedRoot(List<byte[]> values) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (int i = 0; i < values.size(); i++) {
      trie.put(Rlp.encodeLong(i), values.get(i));
    }
    return trie.rootHash();
  }

  /** Writes every loaded node referenced by hash, and the root, into {@code target}. */
  public void commit(NodeStore target) {
    if (root != null) {
      Node loaded = root instanceof HashNode h ? h.resolved() : root;
      if (loaded != null) {
        target.put(loaded.hash(), loaded.encoded());
        commitChildren(loaded, target);
      }
    }
  }

  private static void commitChildren(Node node, NodeStore target) {
    switch (node) {
      case LeafNode leaf -> { }
      case ExtensionNode ext -> commitChild(ext.child, target);
      case BranchNode branch -> {
        for (Node child : branch.children) {
          if (child != null) {
            commitChild(child, target);
          }
        }
      }
      case HashNode hash -> {
        if (hash.resolved() != null) {
          commitChildren(hash.resolved(), target);
        }
      }
    }
  }

  private static void commitChild(Node child, NodeStore target) {
    if (child instanceof HashNode h && h.resolved() == null) {
      return; // never loaded: the source store already has it
    }
    if (child.isReferencedByHash()) {
      target.put(child.hash(), child.encoded());
    }
    commitChildren(child, target);
  }

  /** The node itself, or for a hash reference the node loaded (once) from the store. */
  private Node resolve(Node node) {
    if (!(node instanceof HashNode ref)) {
      return node;
    }
    if (ref.resolved() == null) {
      byte[] encoded = store == null ? null : store.get(ref.hash());
      if (encoded == null) {
        throw new MissingTrieNodeException(ref.hash());
      }
      if (!Arrays.equals(Keccak256.hash(encoded), ref.hash())) {
        throw new IllegalStateException("node store returned an encoding whose keccak256 is not the requested hash");
      }
      ref.resolveTo(NodeDecoder.decode(encoded));
    }
    return ref.resolved();
  }

  /** {@code node} with {@code value} stored at {@code path[pos..]}; the same instance if nothing changed. */
  private Node insert(Node node, byte[] path, int pos, byte[] value) {
    Node n = resolve(node);
    Node result = switch (n) {
      case null -> new LeafNode(Nibbles.slice(path, pos), value);
      case LeafNode leaf -> {
        int common = Nibbles.commonPrefix(leaf.path, path, pos);
        if (common == leaf.path.length && common == path.length - pos) {
          yield Arrays.equals(leaf.value, value) ? leaf : new LeafNode(leaf.path, value);
        }
        Node[] children = BranchNode.emptyChildren();
        byte[] branchValue = null;
        if (common == leaf.path.length) {
          branchValue = leaf.value;
        } else {
          children[leaf.path[common]] = new LeafNode(Nibbles.slice(leaf.path, common + 1), leaf.value);
        }
        yield withPrefix(leaf.path, common, splitBranch(children, branchValue, path, pos + common, value));
      }
      case ExtensionNode ext -> {
        int common = Nibbles.commonPrefix(ext.path, path, pos);
        if (common == ext.path.length) {
          Node child = insert(ext.child, path, pos + common, value);
          yield child == ext.child ? ext : new ExtensionNode(ext.path, child);
        }
        Node[] children = BranchNode.emptyChildren();
        children[ext.path[common]] = common + 1 == ext.path.length
            ? ext.child
            : new ExtensionNode(Nibbles.slice(ext.path, common + 1), ext.child);
        yield withPrefix(ext.path, common, splitBranch(children, null, path, pos + common, value));
      }
      case BranchNode branch -> {
        if (pos == path.length) {
          yield branch.value != null && Arrays.equals(branch.value, value)
              ? branch
              : new BranchNode(branch.children.clone(), value);
        }
        Node old = branch.children[path[pos]];
        Node child = insert(old, path, pos + 1, value);
        yield child == old ? branch : branch.withChild(path[pos], child);
      }
      case HashNode unreachable -> throw new IllegalStateException("resolve returned a hash node");
    };
    return result == n ? node : result;
  }

  /** A new branch holding the existing entries in {@code children}/{@code branchValue} plus the new key at {@code path[pos..]}. */
  private static BranchNode splitBranch(Node[] children, byte[] branchValue, byte[] path, int pos, byte[] value) {
    if (pos == path.length) {
      branchValue = value;
    } else {
      children[path[pos]] = new LeafNode(Nibbles.slice(path, pos + 1), value);
    }
    return new BranchNode(children, branchValue);
  }

  /** {@code branch} behind an extension of the first {@code length} nibbles of {@code path}, if any. */
  private static Node withPrefix(byte[] path, int length, BranchNode branch) {
    return length == 0 ? branch : new ExtensionNode(Nibbles.slice(path, 0, length), branch);
  }

  /** {@code node} without the key at {@code path[pos..]}; the same instance if the key was absent. */
  private Node delete(Node node, byte[] path, int pos) {
    if (node == null) {
      return null;
    }
    Node n = resolve(node);
    Node result = switch (n) {
      case LeafNode leaf -> leaf.path.length == path.length - pos
          && Nibbles.commonPrefix(leaf.path, path, pos) == leaf.path.length ? null : leaf;
      case ExtensionNode ext -> {
        if (Nibbles.commonPrefix(ext.path, path, pos) != ext.path.length) {
          yield ext;
        }
        Node child = delete(ext.child, path, pos + ext.path.length);
        yield child == ext.child ? ext : prefixed(ext.path, child);
      }
      case BranchNode branch -> {
        if (pos == path.length) {
          yield branch.value == null ? branch : collapse(branch.children, null);
        }
        Node old = branch.children[path[pos]];
        Node child = delete(old, path, pos + 1);
        if (child == old) {
          yield branch;
        }
        Node[] children = branch.children.clone();
        children[path[pos]] = child;
        yield collapse(children, branch.value);
      }
      case HashNode unreachable -> throw new IllegalStateException("resolve returned a hash node");
    };
    return result == n ? node : result;
  }

  /** A branch's replacement after a deletion: itself if it still has two entries, else the merged single entry. */
  private Node collapse(Node[] children, byte[] value) {
    int entries = value == null ? 0 : 1;
    int onlyChild = -1;
    for (int i = 0; i < children.length; i++) {
      if (children[i] != null) {
        entries++;
        onlyChild = i;
      }
    }
    if (entries >= 2) {
      return new BranchNode(children, value);
    }
    if (entries == 0) {
      return null;
    }
    if (value != null) {
      return new LeafNode(Nibbles.EMPTY, value);
    }
    return prefixed(new byte[] {(byte) onlyChild}, children[onlyChild]);
  }

  /** {@code child} reached through {@code prefix}: merged into a leaf or extension child, else an extension to it. */
  private Node prefixed(byte[] prefix, Node child) {
    Node n = resolve(child);
    return switch (n) {
      case null -> null;
      case LeafNode leaf -> new LeafNode(Nibbles.concat(prefix, leaf.path), leaf.value);
      case ExtensionNode ext -> new ExtensionNode(Nibbles.concat(prefix, ext.path), ext.child);
      case BranchNode branch -> new ExtensionNode(prefix, child);
      case HashNode unreachable -> throw new IllegalStateException("resolve returned a hash node");
    };
  }
}
