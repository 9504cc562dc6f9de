package io.nativerollups.node.storage;

/**
 * A byte-keyed store: the node's chain data and state trie nodes, in RocksDB or in memory. Writes
 * go through a {@link Batch} and become visible together, so a crash leaves either all of a batch
 * or none of it.
 */
public interface KeyValueStorage extends AutoCloseable {
  /** The value under {@code key}, or null. */
  byte[] get(byte[] key);

  /** A new batch of writes, applied atomically by {@link Batch#commit()}. */
  Batch batch();

  /** Releases the store; later calls fail. */
  @Override
  void close();

  /** Writes applied together. */
  interface Batch {
    /** Sets {@code key} to {@code value} when the batch commits. */
    void put(byte[] key, byte[] value);

    /** Removes {@code key} when the batch commits. */
    void delete(byte[] key);

    /** Applies every write of the batch at once. */
    void commit();
  }
}
