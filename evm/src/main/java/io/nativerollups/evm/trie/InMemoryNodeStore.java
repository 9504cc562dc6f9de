package io.nativerollups.evm.trie;

import io.nativerollups.evm.crypto.Keccak256;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** A {@link NodeStore} in a hash map. */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<HashKey, byte[]> nodes = new HashMap<>();

  /** An empty store. */
  public InMemoryNodeStore() {}

  /** A store holding {@code encodings}, each keyed by its computed keccak256 (e.g. a proof or a witness). */
  public static InMemoryNodeStore of(Collection<byte[]> encodings) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    for (byte[] encoded : encodings) {
      store.put(Keccak256.hash(encoded), encoded);
    }
    return store;
  }

  @Override
  public byte[] get(byte[] hash) {
    return nodes.get(new HashKey(hash));
  }

  @Override
  public void put(byte[] hash, byte[] encoded) {
    nodes.put(new HashKey(hash.clone()), encoded);
  }

  /** Number of nodes held. */
  public int size() {
    return nodes.size();
  }

  /** A byte-array map key compared by content. */
  private record HashKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof HashKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }
}
