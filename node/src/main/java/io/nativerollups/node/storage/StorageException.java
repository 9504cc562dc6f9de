package io.nativerollups.node.storage;

/** The data directory cannot be opened, read or written (corrupt, locked, not a directory, disk error). */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
