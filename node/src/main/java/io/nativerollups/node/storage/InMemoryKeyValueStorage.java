package io.nativerollups.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link KeyValueStorage} in a map, for {@code --in-memory} runs and tests. */
public final class InMemoryKeyValueStorage implements KeyValueStorage {
  private final ConcurrentHashMap<Key, byte[]> entries = new ConcurrentHashMap<>();

  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  @Override
  public byte[] get(byte[] key) {
    return entries.get(new Key(key));
  }

  @Override
  public Batch batch() {
    List<Runnable> writes = new ArrayList<>();
    return new Batch() {
      @Override
      public void put(byte[] key, byte[] value) {
        Key k = new Key(key.clone());
        byte[] v = value.clone();
        writes.add(() -> entries.put(k, v));
      }

      @Override
      public void delete(byte[] key) {
        Key k = new Key(key.clone());
        writes.add(() -> entries.remove(k));
      }

      @Override
      public void commit() {
        synchronized (entries) {
          writes.forEach(Runnable::run);
        }
        writes.clear();
      }
    };
  }

  @Override
  public void close() {
    entries.clear();
  }
}
