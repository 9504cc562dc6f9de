package io.nativerollups.evm.precompile;

/**
 * BLAKE2F at 0x09 (EIP-152): the BLAKE2b compression function F. Input is exactly 213 bytes:
 * rounds (4 bytes, big-endian), h (8 little-endian words), m (16 words), t (2 words) and the
 * final-block flag (0 or 1); anything else fails. Costs one gas per round.
 */
public final class Blake2fPrecompile implements PrecompiledContract {
  private static final int INPUT_SIZE = 213;
  private static final int H_OFFSET = 4;
  private static final int M_OFFSET = 68;
  private static final int T_OFFSET = 196;
  private static final int FLAG_OFFSET = 212;

  private static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  /**
   * The message word schedule (RFC 7693 section 2.7), row after row: round i mixes in the words
   * {@code m[SIGMA[16 * (i mod 10) + j]]} for j = 0..15.
   */
  private static final byte[] SIGMA = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0
  };

  @Override
  public String name() {
    return "BLAKE2F";
  }

  /** The number of rounds; 0 for a malformed input, which fails in {@link #compute}. */
  @Override
  public long gasRequirement(byte[] input) {
    return input.length == INPUT_SIZE ? rounds(input) : 0;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_SIZE || (input[FLAG_OFFSET] & 0xFF) > 1) {
      return null;
    }
    long[] h = new long[8];
    for (int i = 0; i < 8; i++) {
      h[i] = readLittleEndian(input, H_OFFSET + 8 * i);
    }
    long[] m = new long[16];
    for (int i = 0; i < 16; i++) {
      m[i] = readLittleEndian(input, M_OFFSET + 8 * i);
    }
    compress(
        h,
        m,
        readLittleEndian(input, T_OFFSET),
        readLittleEndian(input, T_OFFSET + 8),
        input[FLAG_OFFSET] == 1,
        rounds(input));
    byte[] out = new byte[64];
    for (int i = 0; i < 8; i++) {
      writeLittleEndian(out, 8 * i, h[i]);
    }
    return out;
  }

  private static long rounds(byte[] input) {
    return ((input[0] & 0xFFL) << 24)
        | ((input[1] & 0xFFL) << 16)
        | ((input[2] & 0xFFL) << 8)
        | (input[3] & 0xFFL);
  }

  /**
   * RFC 7693 section 3.2, with the round count as a parameter instead of 12. The working vector v
   * lives in locals and each round's eight applications of the mixing function G (section 3.1) are
   * written out, so a round allocates nothing and touches memory only for its message words.
   * Rounds run in periods of up to ten, the length of the SIGMA schedule.
   */
  private static void compress(long[] h, long[] m, long t0, long t1, boolean lastBlock, long rounds) {
    long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
    long v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
    long v12 = IV[4] ^ t0, v13 = IV[5] ^ t1, v14 = lastBlock ? ~IV[6] : IV[6], v15 = IV[7];
    // The message words in the order the ten rounds of a schedule period take them, so the rounds
    // read consecutive words whose bounds the JIT can check once per period.
    long[] schedule = new long[SIGMA.length];
    for (int i = 0; i < SIGMA.length; i++) {
      schedule[i] = m[SIGMA[i]];
    }
    for (long left = rounds; left > 0; ) {
      int periodRounds = (int) Math.min(left, 10);
      left -= periodRounds;
      for (int s = 0; s < 16 * periodRounds; s += 16) {
        // G(v0, v4, v8, v12) with the row's message words 0 and 1
        v0 += v4 + schedule[s];
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12;
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + schedule[s + 1];
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12;
        v4 = Long.rotateRight(v4 ^ v8, 63);
        // G(v1, v5, v9, v13) with the row's message words 2 and 3
        v1 += v5 + schedule[s + 2];
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13;
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + schedule[s + 3];
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13;
        v5 = Long.rotateRight(v5 ^ v9, 63);
        // G(v2, v6, v10, v14) with the row's message words 4 and 5
        v2 += v6 + schedule[s + 4];
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14;
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + schedule[s + 5];
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14;
        v6 = Long.rotateRight(v6 ^ v10, 63);
        // G(v3, v7, v11, v15) with the row's message words 6 and 7
        v3 += v7 + schedule[s + 6];
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15;
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + schedule[s + 7];
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15;
        v7 = Long.rotateRight(v7 ^ v11, 63);
        // G(v0, v5, v10, v15) with the row's message words 8 and 9
        v0 += v5 + schedule[s + 8];
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15;
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + schedule[s + 9];
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15;
        v5 = Long.rotateRight(v5 ^ v10, 63);
        // G(v1, v6, v11, v12) with the row's message words 10 and 11
        v1 += v6 + schedule[s + 10];
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12;
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + schedule[s + 11];
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12;
        v6 = Long.rotateRight(v6 ^ v11, 63);
        // G(v2, v7, v8, v13) with the row's message words 12 and 13
        v2 += v7 + schedule[s + 12];
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13;
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + schedule[s + 13];
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13;
        v7 = Long.rotateRight(v7 ^ v8, 63);
        // G(v3, v4, v9, v14) with the row's message words 14 and 15
        v3 += v4 + schedule[s + 14];
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14;
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + schedule[s + 15];
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14;
        v4 = Long.rotateRight(v4 ^ v9, 63);
      }
    }
    h[0] ^= v0 ^ v8;
    h[1] ^= v1 ^ v9;
    h[2] ^= v2 ^ v10;
    h[3] ^= v3 ^ v11;
    h[4] ^= v4 ^ v12;
    h[5] ^= v5 ^ v13;
    h[6] ^= v6 ^ v14;
    h[7] ^= v7 ^ v15;
  }

  private static long readLittleEndian(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[off + i] & 0xFFL);
    }
    return v;
  }

  private static void writeLittleEndian(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }
}
