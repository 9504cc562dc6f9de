package io.nativerollups.node.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStorage} in a RocksDB database. Every batch goes through RocksDB's write-ahead
 * log, synced to disk before the commit returns, so a killed process or a lost machine finds each
 * batch either wholly applied or absent when it reopens.
 */
public final class RocksDbKeyValueStorage implements KeyValueStorage {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;

  private RocksDbKeyValueStorage(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
    // fsync each batch's WAL record: a block import is one batch, so a power loss, not only a
    // killed process, finds it wholly applied or absent
    this.writeOptions = new WriteOptions().setSync(true);
  }

  /**
   * Opens (creating if absent) the database in {@code directory}.
   *
   * @throws StorageException naming the directory and RocksDB's reason (not a directory, locked by
   *     another node, corrupt files)
   */
  public static RocksDbKeyValueStorage open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StorageException("cannot create database directory " + directory + ": " + e, e);
    }
    Options options = new Options().setCreateIfMissing(true).setParanoidChecks(true);
    try {
      return new RocksDbKeyValueStorage(options, RocksDB.open(options, directory.toString()));
    } catch (RocksDBException e) {
      options.close();
      throw new StorageException("cannot open database in " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw new StorageException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Batch batch() {
    WriteBatch batch = new WriteBatch();
    return new Batch() {
      @Override
      public void put(byte[] key, byte[] value) {
        try {
          batch.put(key, value);
        } catch (RocksDBException e) {
          throw new StorageException("database batch write failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void delete(byte[] key) {
        try {
          batch.delete(key);
        } catch (RocksDBException e) {
          throw new StorageException("database batch delete failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void commit() {
        try (batch) {
          db.write(writeOptions, batch);
        } catch (RocksDBException e) {
          throw new StorageException("database write failed: " + e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void close() {
    writeOptions.close();
    db.close();
    options.close();
  }
}
