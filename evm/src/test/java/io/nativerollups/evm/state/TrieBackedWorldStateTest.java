package io.nativerollups.evm.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.trie.MissingTrieNodeException;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link InMemoryWorldState} opened on a node store: lazy loading, and roots equal to the in-memory state's. */
class TrieBackedWorldStateTest {
  private static final Address ALICE = Address.ofLong(0xa11ce);
  private static final Address CONTRACT = Address.ofLong(0xc0de);
  private static final byte[] CODE = {0x60, 0x01, 0x60, 0x00, 0x55, 0x00};

  private final InMemoryNodeStore nodes = new InMemoryNodeStore();
  private final InMemoryNodeStore codes = new InMemoryNodeStore();
  private InMemoryWorldState full;
  private byte[] root;

  @BeforeEach
  void committedState() {
    full = new InMemoryWorldState();
    full.setBalance(ALICE, UInt256.valueOf(100));
    full.setNonce(ALICE, 3);
    full.setCode(CONTRACT, CODE);
    for (int i = 1; i <= 20; i++) {
      full.setStorage(CONTRACT, UInt256.valueOf(i), UInt256.valueOf(i * 10));
    }
    for (int i = 0; i < 30; i++) {
      full.setBalance(Address.ofLong(0x5000 + i), UInt256.ONE);
    }
    full.commitTransaction();
    root = full.rootHash();
    full.commit(nodes, codes);
  }

  private InMemoryWorldState backed() {
    return new InMemoryWorldState(nodes, codes, root);
  }

  @Test
  void readsAccountsSlotsAndCodeFromTheStore() {
    InMemoryWorldState s = backed();
    assertEquals(3, s.getNonce(ALICE));
    assertEquals(UInt256.valueOf(100), s.getBalance(ALICE));
    assertArrayEquals(CODE, s.getCode(CONTRACT));
    assertArrayEquals(Keccak256.hash(CODE), s.getCodeHash(CONTRACT));
    assertEquals(UInt256.valueOf(70), s.getStorage(CONTRACT, UInt256.valueOf(7)));
    assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, UInt256.valueOf(99)));
    assertFalse(s.exists(Address.ofLong(0xdead)));
    assertTrue(s.hasStorage(CONTRACT));
    assertArrayEquals(root, s.rootHash());
  }

  @Test
  void updatesGiveTheSameRootAsTheInMemoryState() {
    InMemoryWorldState s = backed();
    for (InMemoryWorldState w : new InMemoryWorldState[] {full, s}) {
      w.beginTransaction();
      w.setStorage(CONTRACT, UInt256.valueOf(3), UInt256.ZERO);
      w.setStorage(CONTRACT, UInt256.valueOf(50), UInt256.valueOf(5));
      w.deleteAccount(Address.ofLong(0x5003));
      w.setBalance(Address.ofLong(0xbeef), UInt256.valueOf(9));
      w.commitTransaction();
    }
    assertArrayEquals(full.rootHash(), s.rootHash());
  }

  @Test
  void aDeletedAccountIsNotReloadedAndARevertRestoresIt() {
    InMemoryWorldState s = backed();
    s.beginTransaction();
    int snapshot = s.snapshot();
    s.deleteAccount(ALICE);
    assertFalse(s.exists(ALICE));
    s.setBalance(ALICE, UInt256.ONE); // re-created empty but for the balance
    assertEquals(0, s.getNonce(ALICE));
    s.revertToSnapshot(snapshot);
    assertEquals(3, s.getNonce(ALICE));
    assertEquals(UInt256.valueOf(100), s.getBalance(ALICE));
    s.commitTransaction();
    assertArrayEquals(root, s.rootHash());
  }

  @Test
  void revertingTheCreationOfAnAccountDeletedEarlierLeavesItDeleted() {
    InMemoryWorldState s = backed();
    s.beginTransaction();
    s.deleteAccount(ALICE);
    int snapshot = s.snapshot();
    s.setBalance(ALICE, UInt256.ONE);
    s.revertToSnapshot(snapshot);
    assertFalse(s.exists(ALICE));
  }

  @Test
  void clearedStorageIsEmptyWithoutReadingTheOldTrie() {
    InMemoryWorldState s = backed();
    s.beginTransaction();
    s.createAccount(CONTRACT);
    assertFalse(s.hasStorage(CONTRACT));
    assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, UInt256.valueOf(7)));
  }

  @Test
  void missingCodeThrowsMissingCodeException() {
    InMemoryWorldState s = new InMemoryWorldState(nodes, new InMemoryNodeStore(), root);
    MissingCodeException e = assertThrows(MissingCodeException.class, () -> s.getCode(CONTRACT));
    assertArrayEquals(Keccak256.hash(CODE), e.codeHash());
    assertArrayEquals(Keccak256.hash(CODE), s.getCodeHash(CONTRACT), "the hash needs no code");
  }

  @Test
  void malformedAccountOrSlotEncodingsThrowRlpException() {
    MerklePatriciaTrie storage = new MerklePatriciaTrie();
    storage.put(Keccak256.hash(UInt256.ONE.toBytes()), Rlp.encodeBytes(new byte[33]));
    storage.put(Keccak256.hash(UInt256.valueOf(2).toBytes()), Rlp.encodeList(Rlp.encodeLong(1)));
    storage.commit(nodes);
    MerklePatriciaTrie accounts = new MerklePatriciaTrie();
    accounts.put(Keccak256.hash(ALICE.toArray()), Rlp.encodeList(Rlp.encodeLong(1)));
    accounts.put(Keccak256.hash(CONTRACT.toArray()), Rlp.encodeList(Rlp.encodeLong(0), Rlp.encodeLong(0),
        Rlp.encodeBytes(storage.rootHash()), Rlp.encodeBytes(Keccak256.EMPTY)));
    accounts.commit(nodes);
    InMemoryWorldState s = new InMemoryWorldState(nodes, codes, accounts.rootHash());
    RlpException e = assertThrows(RlpException.class, () -> s.getBalance(ALICE));
    assertTrue(e.getMessage().contains("1 fields, not 4"), e.getMessage());
    assertThrows(RlpException.class, () -> s.getStorage(CONTRACT, UInt256.ONE));
    assertThrows(RlpException.class, () -> s.getStorage(CONTRACT, UInt256.valueOf(2)));
  }

  @Test
  void missingNodeThrowsMissingTrieNodeException() {
    InMemoryWorldState s = new InMemoryWorldState(new InMemoryNodeStore(), codes, root);
    assertThrows(MissingTrieNodeException.class, () -> s.getBalance(ALICE));
  }
}
