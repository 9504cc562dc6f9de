package io.nativerollups.evm.vm;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Jump destination bitmaps by code array identity (arrays do not override equals and hashCode).
 * World states hand out the same array for the same account code, so repeated calls into a
 * contract reuse one analysis. Safe for concurrent use: one EVM serves every RPC thread's calls.
 * Bounded: cleared when full.
 */
public final class JumpDestCache {
  private static final int MAX_ENTRIES = 4096;
  private final ConcurrentHashMap<byte[], long[]> entries = new ConcurrentHashMap<>();

  long[] get(byte[] code) {
    long[] bits = entries.get(code);
    if (bits == null) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      bits = Code.analyse(code);
      entries.put(code, bits);
    }
    return bits;
  }
}
