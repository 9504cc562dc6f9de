package io.nativerollups.evm.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingNodeStoreTest {
  private static final byte[] A = {1, 2, 3};
  private static final byte[] B = {4, 5};

  @Test
  void recordsEachEntryReadOnceInFirstReadOrder() {
    RecordingNodeStore store = new RecordingNodeStore(InMemoryNodeStore.of(List.of(A, B)));
    assertArrayEquals(B, store.get(Keccak256.hash(B)));
    assertArrayEquals(A, store.get(Keccak256.hash(A)));
    store.get(Keccak256.hash(B));
    assertEquals(2, store.readCount());
    assertTrue(store.wasRead(Keccak256.hash(A)));
    List<byte[]> read = store.read();
    assertArrayEquals(B, read.get(0));
    assertArrayEquals(A, read.get(1));
  }

  @Test
  void missesAreNotRecorded() {
    RecordingNodeStore store = new RecordingNodeStore(InMemoryNodeStore.of(List.of(A)));
    assertNull(store.get(Keccak256.hash(B)));
    assertEquals(0, store.readCount());
    assertFalse(store.wasRead(Keccak256.hash(B)));
  }

  @Test
  void writesAreRefused() {
    RecordingNodeStore store = new RecordingNodeStore(new InMemoryNodeStore());
    assertThrows(UnsupportedOperationException.class, () -> store.put(Keccak256.hash(A), A));
  }
}
