package io.nativerollups.evm.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Random keys of mixed lengths (prefixes of each other included), with random values. */
  private static List<byte[][]> randomEntries(long seed, int count) {
    Random rnd = new Random(seed);
    List<byte[][]> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] key = new byte[1 + rnd.nextInt(4)];
      rnd.nextBytes(key);
      byte[] value = new byte[1 + rnd.nextInt(40)];
      rnd.nextBytes(value);
      entries.add(new byte[][] {key, value});
    }
    return entries;
  }

  @Test
  void emptyTrieHasTheEmptyRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    assertArrayEquals(Keccak256.EMPTY_TRIE_ROOT, trie.rootHash());
    assertTrue(trie.isEmpty());
    assertNull(trie.get(b("x")));
  }

  @Test
  void deletingEveryKeyRestoresTheEmptyRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    List<byte[][]> entries = randomEntries(1, 500);
    entries.forEach(e -> trie.put(e[0], e[1]));
    entries.forEach(e -> trie.remove(e[0]));
    assertArrayEquals(Keccak256.EMPTY_TRIE_ROOT, trie.rootHash());
    assertTrue(trie.isEmpty());
  }

  @Test
  void deletionCollapsesToTheSameTrieAsNeverInserting() {
    List<byte[][]> entries = randomEntries(2, 600);
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    java.util.Map<String, byte[]> model = new java.util.HashMap<>();
    for (byte[][] e : entries) {
      trie.put(e[0], e[1]);
      model.put(hex(e[0]), e[1]);
    }
    trie.rootHash(); // hash first, so deletions must invalidate cached hashes correctly
    for (int i = 0; i < entries.size(); i += 3) {
      trie.remove(entries.get(i)[0]);
      model.remove(hex(entries.get(i)[0]));
    }
    MerklePatriciaTrie neverInserted = new MerklePatriciaTrie();
    model.forEach((k, v) -> neverInserted.put(HexFormat.of().parseHex(k), v));
    assertArrayEquals(neverInserted.rootHash(), trie.rootHash());
    model.forEach((k, v) -> assertArrayEquals(v, trie.get(HexFormat.of().parseHex(k))));
  }

  @Test
  void rootDoesNotDependOnInsertionOrder() {
    List<byte[][]> entries = randomEntries(3, 300);
    java.util.Map<String, byte[]> last = new java.util.LinkedHashMap<>();
    entries.forEach(e -> last.put(hex(e[0]), e[1]));
    MerklePatriciaTrie forward = new MerklePatriciaTrie();
    last.forEach((k, v) -> forward.put(HexFormat.of().parseHex(k), v));
    List<String> reversed = new ArrayList<>(last.keySet());
    java.util.Collections.reverse(reversed);
    MerklePatriciaTrie backward = new MerklePatriciaTrie();
    reversed.forEach(k -> backward.put(HexFormat.of().parseHex(k), last.get(k)));
    assertArrayEquals(forward.rootHash(), backward.rootHash());
  }

  @Test
  void emptyValueRemovesTheKey() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("dog"), b("puppy"));
    byte[] root = trie.rootHash();
    trie.put(b("doge"), b("coin"));
    trie.put(b("doge"), new byte[0]);
    assertNull(trie.get(b("doge")));
    assertArrayEquals(root, trie.rootHash());
  }

  @Test
  void removingAnAbsentKeyChangesNothing() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("do"), b("verb"));
    trie.put(b("dog"), b("puppy"));
    byte[] root = trie.rootHash();
    trie.remove(b("d"));
    trie.remove(b("dogs"));
    trie.remove(b("cat"));
    assertArrayEquals(root, trie.rootHash());
  }

  @Test
  void valuesAreCopiedInAndOut() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    byte[] value = b("puppy");
    trie.put(b("dog"), value);
    value[0] = 'X';
    byte[] read = trie.get(b("dog"));
    read[1] = 'Y';
    assertArrayEquals(b("puppy"), trie.get(b("dog")));
  }

  @Test
  void copyIsAnIndependentSnapshot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("a"), b("1"));
    MerklePatriciaTrie snapshot = trie.copy();
    byte[] root = trie.rootHash();
    trie.put(b("b"), b("2"));
    trie.remove(b("a"));
    assertArrayEquals(root, snapshot.rootHash());
    assertArrayEquals(b("1"), snapshot.get(b("a")));
    assertNull(snapshot.get(b("b")));
  }

  @Test
  void orderedRootKeysByRlpIndex() {
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      values.add(Rlp.encodeList(Rlp.encodeLong(i), Rlp.encodeBytes(new byte[i % 50])));
    }
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (int i = values.size() - 1; i >= 0; i--) {
      trie.put(Rlp.encodeLong(i), values.get(i));
    }
    assertArrayEquals(trie.rootHash(), MerklePatriciaTrie.orderedRoot(values));
    assertArrayEquals(Keccak256.EMPTY_TRIE_ROOT, MerklePatriciaTrie.orderedRoot(List.of()));
  }

  @Test
  void proofsProveInclusionAndExclusion() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    List<byte[][]> entries = randomEntries(4, 400);
    entries.forEach(e -> trie.put(Keccak256.hash(e[0]), e[1]));
    byte[] root = trie.rootHash();
    for (byte[][] e : entries) {
      byte[] key = Keccak256.hash(e[0]);
      assertArrayEquals(trie.get(key), MerklePatriciaTrie.verifyProof(root, key, trie.proof(key)));
    }
    byte[] absent = Keccak256.hash(b("absent"));
    assertNull(MerklePatriciaTrie.verifyProof(root, absent, trie.proof(absent)));
  }

  @Test
  void proofOfASmallTrieHoldsTheEmbeddedRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("a"), b("b"));
    List<byte[]> proof = trie.proof(b("a"));
    assertEquals(1, proof.size());
    assertTrue(proof.get(0).length < 32);
    assertArrayEquals(b("b"), MerklePatriciaTrie.verifyProof(trie.rootHash(), b("a"), proof));
  }

  @Test
  void emptyTrieProvesAbsenceWithAnEmptyProof() {
    assertTrue(new MerklePatriciaTrie().proof(b("k")).isEmpty());
    assertNull(MerklePatriciaTrie.verifyProof(Keccak256.EMPTY_TRIE_ROOT, b("k"), List.of()));
  }

  private static MerklePatriciaTrie sampleTrie() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    randomEntries(5, 200).forEach(e -> trie.put(Keccak256.hash(e[0]), e[1]));
    return trie;
  }

  @Test
  void proofMissingANodeIsRejected() {
    MerklePatriciaTrie trie = sampleTrie();
    byte[] key = Keccak256.hash(randomEntries(5, 1).get(0)[0]);
    List<byte[]> proof = new ArrayList<>(trie.proof(key));
    assertTrue(proof.size() >= 2);
    proof.remove(proof.size() - 1);
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof));
    assertTrue(e.getMessage().contains("not in the node store"), e.getMessage());
  }

  @Test
  void tamperedProofIsRejected() {
    MerklePatriciaTrie trie = sampleTrie();
    byte[] key = Keccak256.hash(randomEntries(5, 1).get(0)[0]);
    List<byte[]> proof = new ArrayList<>(trie.proof(key));
    byte[] leaf = proof.get(proof.size() - 1).clone();
    leaf[leaf.length - 1] ^= 1; // change the value: the node no longer hashes to its reference
    proof.set(proof.size() - 1, leaf);
    assertThrows(InvalidProofException.class, () -> MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof));
  }

  @Test
  void proofAgainstTheWrongRootIsRejected() {
    MerklePatriciaTrie trie = sampleTrie();
    byte[] key = Keccak256.hash(randomEntries(5, 1).get(0)[0]);
    byte[] otherRoot = Keccak256.hash(b("other"));
    assertThrows(InvalidProofException.class, () -> MerklePatriciaTrie.verifyProof(otherRoot, key, trie.proof(key)));
  }

  @Test
  void malformedProofNodesAreRejected() {
    byte[] key = b("k");
    for (String nodeHex : new String[] {
        "8180", // not a list
        "c3808080", // three items
        "c28080", // extension with empty hex-prefix path
        "c2208080", // trailing byte after the node
        "c24080", // flag nibble 4
        "c21180", // odd extension with no child
        "c22080", // leaf with empty value
        "c2008180", // extension to a 1-byte non-hash reference
    }) {
      byte[] node = HexFormat.of().parseHex(nodeHex);
      InvalidProofException e = assertThrows(InvalidProofException.class,
          () -> MerklePatriciaTrie.verifyProof(Keccak256.hash(node), key, List.of(node)), nodeHex);
      assertTrue(e.getMessage().startsWith("malformed node in proof"), e.getMessage());
    }
  }

  @Test
  void trieReopenedFromAStoreLoadsNodesLazily() {
    MerklePatriciaTrie trie = sampleTrie();
    InMemoryNodeStore store = new InMemoryNodeStore();
    trie.commit(store);
    List<byte[]> reads = new ArrayList<>();
    NodeStore recording = new NodeStore() {
      @Override
      public byte[] get(byte[] hash) {
        reads.add(hash);
        return store.get(hash);
      }

      @Override
      public void put(byte[] hash, byte[] encoded) {
        store.put(hash, encoded);
      }
    };
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(recording, trie.rootHash());
    byte[] key = Keccak256.hash(randomEntries(5, 1).get(0)[0]);
    assertArrayEquals(trie.get(key), reopened.get(key));
    assertEquals(trie.proof(key).size(), reads.size(), "reads exactly the nodes on the key's path");
    reopened.put(Keccak256.hash(b("new")), b("value"));
    trie.put(Keccak256.hash(b("new")), b("value"));
    reopened.remove(key);
    trie.remove(key);
    assertArrayEquals(trie.rootHash(), reopened.rootHash());
  }

  @Test
  void partialTrieReportsTheMissingNode() {
    MerklePatriciaTrie trie = sampleTrie();
    byte[] key = Keccak256.hash(randomEntries(5, 1).get(0)[0]);
    MerklePatriciaTrie partial = new MerklePatriciaTrie(InMemoryNodeStore.of(trie.proof(key)), trie.rootHash());
    assertArrayEquals(trie.get(key), partial.get(key));
    byte[] elsewhere = Keccak256.hash(b("elsewhere"));
    assertThrows(MissingTrieNodeException.class, () -> partial.get(elsewhere));
  }

  @Test
  void deletionInAPartialTrieNeedsTheSiblingItCollapsesInto() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    byte[] k1 = Keccak256.hash(b("one"));
    byte[] k2 = Keccak256.hash(b("two"));
    byte[] big = new byte[40]; // values large enough that leaves are referenced by hash
    trie.put(k1, big);
    trie.put(k2, big);
    MerklePatriciaTrie partial = new MerklePatriciaTrie(InMemoryNodeStore.of(trie.proof(k1)), trie.rootHash());
    assertThrows(MissingTrieNodeException.class, () -> partial.remove(k1));
    List<byte[]> both = new ArrayList<>(trie.proof(k1));
    both.addAll(trie.proof(k2));
    MerklePatriciaTrie enough = new MerklePatriciaTrie(InMemoryNodeStore.of(both), trie.rootHash());
    enough.remove(k1);
    trie.remove(k1);
    assertArrayEquals(trie.rootHash(), enough.rootHash());
  }

  @Test
  void openingWithABadRootHashFails() {
    assertThrows(IllegalArgumentException.class, () -> new MerklePatriciaTrie(new InMemoryNodeStore(), new byte[31]));
  }

  @Test
  void rootHashIsStableAcrossCalls() {
    MerklePatriciaTrie trie = sampleTrie();
    byte[] first = trie.rootHash();
    first[0] ^= 1; // callers get copies
    assertFalse(java.util.Arrays.equals(first, trie.rootHash()));
    assertArrayEquals(trie.rootHash(), trie.rootHash());
  }
}
