package io.nativerollups.evm.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryWorldStateTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Address A = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  private static final Address B = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
  private static final Address C = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  private static final UInt256 K0 = UInt256.ZERO;
  private static final UInt256 K1 = UInt256.ONE;

  private static UInt256 u(long v) {
    return UInt256.valueOf(v);
  }

  @Test
  void emptyStateHasTheEmptyTrieRoot() {
    assertEquals(
        "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        HEX.formatHex(new InMemoryWorldState().rootHash()));
  }

  @Test
  void singleAccountRootIsTheHashOfOneLeaf() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(A, 3);
    world.setBalance(A, u(1000));
    world.commitTransaction();

    byte[] account = Rlp.encodeList(
        Rlp.encodeLong(3), Rlp.encodeLong(1000),
        Rlp.encodeBytes(Keccak256.EMPTY_TRIE_ROOT), Rlp.encodeBytes(Keccak256.EMPTY));
    // A leaf holding the whole 64-nibble key: hex-prefix flag 0x20 then the 32 key bytes.
    byte[] path = new byte[33];
    path[0] = 0x20;
    System.arraycopy(Keccak256.hash(A.toArray()), 0, path, 1, 32);
    byte[] leaf = Rlp.encodeList(Rlp.encodeBytes(path), Rlp.encodeBytes(account));
    assertArrayEquals(Keccak256.hash(leaf), world.rootHash());
  }

  /** Pre-state of ethereum/tests stExample/invalidTr; its Cancun post root equals the pre-state's. */
  @Test
  void rootOfAccountsWithCodeMatchesStateTestFixture() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(B, u(1_000_000_000_000_000_000L));
    world.setCode(B, HEX.parseHex("600160010160005500"));
    world.setNonce(C, 1);
    world.setBalance(A, u(1_000_000_000_000_000_000L));
    world.commitTransaction();
    assertEquals(
        "4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967",
        HEX.formatHex(world.rootHash()));
  }

  /** Pre-state of ethereum/tests stEIP1559/lowGasLimit, whose rejected cases keep the pre-state root. */
  @Test
  void rootWithStorageMatchesStateTestFixture() {
    Address cc = Address.fromHex("0xcccccccccccccccccccccccccccccccccccccccc");
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(A, 1);
    world.setBalance(A, u(1_000_000_000_000_000_000L));
    world.setBalance(cc, u(1_000_000_000_000_000_000L));
    world.setCode(cc, HEX.parseHex("600260005500"));
    world.setStorage(cc, K0, u(0x60a7));
    world.commitTransaction();
    assertEquals(
        "b2b8d1860969ed21cd1eee5c69206176b951fbf820ee6b7f8ad84e8234094a5e",
        HEX.formatHex(world.rootHash()));
  }

  @Test
  void zeroStorageValuesAreAbsentFromTheRoot() {
    InMemoryWorldState withZero = new InMemoryWorldState();
    withZero.setBalance(A, u(5));
    withZero.setStorage(A, K1, u(7));
    withZero.setStorage(A, K1, UInt256.ZERO);
    withZero.setStorage(A, K0, UInt256.ZERO);
    InMemoryWorldState without = new InMemoryWorldState();
    without.setBalance(A, u(5));
    assertArrayEquals(without.rootHash(), withZero.rootHash());
    assertFalse(withZero.hasStorage(A));
  }

  @Test
  void revertUndoesAccountFieldsStorageCodeAndCreation() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(A, u(10));
    world.setStorage(A, K0, u(1));
    world.commitTransaction();
    byte[] rootBefore = world.rootHash();

    world.beginTransaction();
    int snap = world.snapshot();
    world.setBalance(A, u(20));
    world.setNonce(A, 4);
    world.setCode(A, new byte[] {0x60, 0x00});
    world.setStorage(A, K0, u(2));
    world.setStorage(A, K1, u(3));
    world.setBalance(B, u(1));
    world.deleteAccount(C);
    assertEquals(u(20), world.getBalance(A));
    world.revertToSnapshot(snap);

    assertEquals(u(10), world.getBalance(A));
    assertEquals(0, world.getNonce(A));
    assertEquals(0, world.getCode(A).length);
    assertArrayEquals(Keccak256.EMPTY, world.getCodeHash(A));
    assertEquals(u(1), world.getStorage(A, K0));
    assertEquals(UInt256.ZERO, world.getStorage(A, K1));
    assertFalse(world.exists(B));
    world.commitTransaction();
    assertArrayEquals(rootBefore, world.rootHash());
  }

  @Test
  void revertUndoesCreateAndDeleteIncludingStorage() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(A, u(10));
    world.setNonce(A, 2);
    world.setCode(A, new byte[] {0x00});
    world.setStorage(A, K1, u(9));
    world.commitTransaction();
    byte[] rootBefore = world.rootHash();

    world.beginTransaction();
    int snap = world.snapshot();
    world.createAccount(A);
    assertEquals(u(10), world.getBalance(A), "CREATE keeps the balance");
    assertEquals(0, world.getNonce(A));
    assertFalse(world.hasStorage(A));
    world.setStorage(A, K0, u(5));
    world.rootHash(); // a root taken mid-transaction must not confuse the next one
    world.deleteAccount(A);
    assertFalse(world.exists(A));
    world.revertToSnapshot(snap);

    assertEquals(2, world.getNonce(A));
    assertEquals(u(9), world.getStorage(A, K1));
    assertEquals(UInt256.ZERO, world.getStorage(A, K0));
    assertTrue(world.hasStorage(A));
    world.commitTransaction();
    assertArrayEquals(rootBefore, world.rootHash());
  }

  @Test
  void nestedSnapshotsRevertOnlyTheirOwnChanges() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.beginTransaction();
    world.setBalance(A, u(1));
    int outer = world.snapshot();
    world.setBalance(A, u(2));
    int inner = world.snapshot();
    world.setBalance(A, u(3));
    world.revertToSnapshot(inner);
    assertEquals(u(2), world.getBalance(A));
    world.revertToSnapshot(outer);
    assertEquals(u(1), world.getBalance(A));
  }

  @Test
  void revertUndoesAccessSetsTransientStorageAndTransactionSets() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.beginTransaction();
    assertFalse(world.warmAddress(A));
    int snap = world.snapshot();
    assertTrue(world.warmAddress(A));
    assertFalse(world.warmAddress(B));
    assertFalse(world.warmStorage(A, K1));
    assertTrue(world.warmStorage(A, K1));
    world.setTransientStorage(A, K1, u(8));
    world.touch(C);
    world.markCreated(B);
    world.markSelfDestructed(B);
    assertEquals(u(8), world.getTransientStorage(A, K1));
    assertTrue(world.wasCreatedInTransaction(B));
    assertEquals(Set.of(B), world.selfDestructed());

    world.revertToSnapshot(snap);
    assertTrue(world.warmAddress(A), "warmed before the snapshot");
    assertFalse(world.warmAddress(B));
    assertFalse(world.warmStorage(A, K1));
    assertEquals(UInt256.ZERO, world.getTransientStorage(A, K1));
    assertFalse(world.wasCreatedInTransaction(B));
    assertTrue(world.selfDestructed().isEmpty());
  }

  @Test
  void transientStorageRevertRestoresAnOverwrittenValue() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.beginTransaction();
    world.setTransientStorage(A, K0, u(1));
    int snap = world.snapshot();
    world.setTransientStorage(A, K0, u(2));
    world.setTransientStorage(A, K0, UInt256.ZERO);
    world.revertToSnapshot(snap);
    assertEquals(u(1), world.getTransientStorage(A, K0));
  }

  @Test
  void beginTransactionClearsTransientStorageAndAccessSets() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.beginTransaction();
    world.setTransientStorage(A, K0, u(1));
    world.warmAddress(A);
    world.warmStorage(A, K0);
    world.markCreated(A);
    world.commitTransaction();
    world.beginTransaction();
    assertEquals(UInt256.ZERO, world.getTransientStorage(A, K0));
    assertFalse(world.warmAddress(A));
    assertFalse(world.warmStorage(A, K0));
    assertFalse(world.wasCreatedInTransaction(A));
  }

  @Test
  void originalStorageIsTheValueAtTransactionStart() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setStorage(A, K0, u(1));
    world.setBalance(A, u(1));
    world.commitTransaction();

    world.beginTransaction();
    assertEquals(u(1), world.getOriginalStorage(A, K0));
    world.setStorage(A, K0, u(2));
    int snap = world.snapshot();
    world.setStorage(A, K0, u(3));
    assertEquals(u(1), world.getOriginalStorage(A, K0));
    world.revertToSnapshot(snap);
    assertEquals(u(1), world.getOriginalStorage(A, K0));
    assertEquals(UInt256.ZERO, world.getOriginalStorage(A, K1));
    world.commitTransaction();

    world.beginTransaction();
    assertEquals(u(2), world.getOriginalStorage(A, K0), "the next transaction starts from the committed value");
  }

  @Test
  void commitDeletesTouchedEmptyAccountsOnly() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(C, 0); // an empty account in the pre-state stays until touched
    world.setBalance(B, u(1));
    world.commitTransaction();
    assertTrue(world.exists(C));
    assertTrue(world.isEmpty(C));

    world.beginTransaction();
    world.setBalance(A, UInt256.ZERO); // created empty by a zero transfer
    world.touch(B); // touched but not empty
    world.commitTransaction();
    assertFalse(world.exists(A));
    assertTrue(world.exists(B));
    assertTrue(world.exists(C));

    world.beginTransaction();
    world.touch(C);
    world.commitTransaction();
    assertFalse(world.exists(C));
  }

  @Test
  void revertedTouchDoesNotDeleteAnEmptyAccount() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(C, 0);
    world.commitTransaction();
    world.beginTransaction();
    int snap = world.snapshot();
    world.touch(C);
    world.revertToSnapshot(snap);
    world.commitTransaction();
    assertTrue(world.exists(C));
  }

  @Test
  void commitDeletesSelfDestructedAccountsAndTheirStorage() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(A, u(100));
    world.setStorage(A, K0, u(1));
    world.setBalance(B, u(1));
    world.commitTransaction();

    world.beginTransaction();
    world.markSelfDestructed(A);
    world.commitTransaction();
    assertFalse(world.exists(A));
    assertEquals(UInt256.ZERO, world.getStorage(A, K0));

    InMemoryWorldState expected = new InMemoryWorldState();
    expected.setBalance(B, u(1));
    assertArrayEquals(expected.rootHash(), world.rootHash());
  }

  @Test
  void absentAndCodelessAccountsHaveDistinctCodeHashes() {
    InMemoryWorldState world = new InMemoryWorldState();
    assertArrayEquals(new byte[32], world.getCodeHash(A));
    world.setBalance(A, u(1));
    assertArrayEquals(Keccak256.EMPTY, world.getCodeHash(A));
    byte[] code = {0x60, 0x01};
    world.setCode(A, code);
    assertArrayEquals(Keccak256.hash(code), world.getCodeHash(A));
    assertArrayEquals(code, world.getCode(A));
  }

  @Test
  void incrementalRootEqualsRootOfTheSameStateBuiltAfresh() {
    InMemoryWorldState world = new InMemoryWorldState();
    for (int i = 1; i <= 50; i++) {
      world.setBalance(Address.ofLong(i), u(i));
      world.setStorage(Address.ofLong(i), u(i), u(i * 7));
    }
    world.commitTransaction();
    world.rootHash();

    world.beginTransaction();
    world.setBalance(Address.ofLong(3), u(333));
    world.setStorage(Address.ofLong(4), u(4), UInt256.ZERO);
    world.setStorage(Address.ofLong(5), u(99), u(1));
    world.markSelfDestructed(Address.ofLong(6));
    world.commitTransaction();

    InMemoryWorldState fresh = new InMemoryWorldState();
    for (int i = 1; i <= 50; i++) {
      if (i == 6) {
        continue;
      }
      fresh.setBalance(Address.ofLong(i), u(i == 3 ? 333 : i));
      if (i != 4) {
        fresh.setStorage(Address.ofLong(i), u(i), u(i * 7));
      }
    }
    fresh.setStorage(Address.ofLong(5), u(99), u(1));
    assertArrayEquals(fresh.rootHash(), world.rootHash());
  }

  @Test
  void revertToAnUnknownSnapshotIsRejected() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(A, u(1));
    assertThrows(IllegalArgumentException.class, () -> world.revertToSnapshot(5));
    assertThrows(IllegalArgumentException.class, () -> world.revertToSnapshot(-1));
    assertEquals(u(1), world.getBalance(A));
  }
}
