package io.nativerollups.evm.witness;

import io.nativerollups.evm.trie.NodeStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a {@link NodeStore} that remembers every entry it handed out: the trie nodes
 * (or codes) a computation read, in first-read order. Used to record a witness from full state, and
 * to find the entries of a witness that stateless execution never used.
 */
public final class RecordingNodeStore implements NodeStore {
  private final NodeStore source;
  private final Map<ByteBuffer, byte[]> read = new LinkedHashMap<>();

  /** A view of {@code source}. */
  public RecordingNodeStore(NodeStore source) {
    this.source = source;
  }

  @Override
  public byte[] get(byte[] hash) {
    byte[] encoded = source.get(hash);
    if (encoded != null) {
      read.putIfAbsent(ByteBuffer.wrap(hash.clone()), encoded);
    }
    return encoded;
  }

  /** Always throws: executing a block never writes to the store it reads its pre-state from. */
  @Override
  public void put(byte[] hash, byte[] encoded) {
    throw new UnsupportedOperationException("a recording node store is read-only");
  }

  /** The distinct entries read so far, in first-read order. */
  public List<byte[]> read() {
    return new ArrayList<>(read.values());
  }

  /** True if the entry with {@code hash} was read. */
  public boolean wasRead(byte[] hash) {
    return read.containsKey(ByteBuffer.wrap(hash));
  }

  /** How many distinct entries were read so far. */
  public int readCount() {
    return read.size();
  }
}
