package io.nativerollups.evm.block;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.vm.Log;
import java.util.List;

/**
 * The 2048-bit logs bloom filter of receipts and headers: each log's address and topics set three
 * bits each, taken from the first six bytes of their keccak256.
 */
public final class LogsBloom {
  /** Size of a bloom in bytes. */
  public static final int SIZE = 256;

  private LogsBloom() {}

  /** The bloom of {@code logs}. */
  public static byte[] of(List<Log> logs) {
    byte[] bloom = new byte[SIZE];
    for (Log log : logs) {
      add(bloom, log.address().toArray());
      for (byte[] topic : log.topics()) {
        add(bloom, topic);
      }
    }
    return bloom;
  }

  /** Sets the bits of {@code other} in {@code accumulator}. */
  public static void accumulate(byte[] accumulator, byte[] other) {
    for (int i = 0; i < SIZE; i++) {
      accumulator[i] |= other[i];
    }
  }

  private static void add(byte[] bloom, byte[] value) {
    byte[] h = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xFF);
      bloom[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
