package io.nativerollups.evm.vm;

/**
 * Code being executed, with its valid jump destinations. The analysis runs on the first jump and
 * is shared through {@link JumpDestCache}, so each code array is analysed once.
 */
public final class Code {
  private static final int PUSH1 = 0x60;
  private static final int PUSH32 = 0x7f;
  private static final int JUMPDEST = 0x5b;

  private final byte[] bytes;
  private final JumpDestCache cache;
  private long[] jumpDests;

  public Code(byte[] bytes, JumpDestCache cache) {
    this.bytes = bytes;
    this.cache = cache;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }

  /** True if {@code dest} is a JUMPDEST opcode (not inside PUSH data). */
  public boolean isValidJumpDest(long dest) {
    if (dest < 0 || dest >= bytes.length) {
      return false;
    }
    if (jumpDests == null) {
      jumpDests = cache.get(bytes);
    }
    int d = (int) dest;
    return (jumpDests[d >>> 6] & (1L << d)) != 0;
  }

  /** The bitmap of JUMPDEST positions of {@code code}. */
  static long[] analyse(byte[] code) {
    long[] bits = new long[(code.length + 63) >>> 6];
    for (int i = 0; i < code.length; i++) {
      int op = code[i] & 0xFF;
      if (op == JUMPDEST) {
        bits[i >>> 6] |= 1L << i;
      } else if (op >= PUSH1 && op <= PUSH32) {
        i += op - PUSH1 + 1;
      }
    }
    return bits;
  }
}
