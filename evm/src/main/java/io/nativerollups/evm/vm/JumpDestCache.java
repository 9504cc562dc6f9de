package io.nativerollups.evm.vm;

import java.util.IdentityHashMap;

/**
 * Jump destination bitmaps by code array identity. World states hand out the same array for the
 * same account code, so repeated calls into a contract reuse one analysis. Bounded: cleared when full.
 */
public final class JumpDestCache {
  private static final int MAX_ENTRIES = 4096;
  private final IdentityHashMap<byte[], long[]> entries = new IdentityHashMap<>();

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
