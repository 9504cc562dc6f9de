package io.nativerollups.evm.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
 *
 * <p>A self-contained Keccak-f[1600] sponge (rate 136 bytes, capacity 512 bits) written for speed,
 * since hashing dominates trie roots, witness indexing and the KECCAK256 opcode: the 25 state lanes
 * live in local variables (lane (x, y) is {@code a<x+5y>}), each round's theta, rho, pi, chi and iota
 * steps are written out in full, and input is absorbed straight from the caller's array as
 * little-endian longs. The only allocation is the 32-byte result, so the class is thread-safe and
 * needs no per-thread digest.
 */
public final class Keccak256 {
  /** Bytes absorbed per permutation: (1600 - 2 * 256) / 8. */
  private static final int RATE = 136;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The iota step's round constants (Keccak reference, section 1.2). */
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final byte[] EMPTY = hash(new byte[0]);

  /** keccak256(rlp("")) = the root of an empty trie. */
  public static final byte[] EMPTY_TRIE_ROOT = hash(new byte[] {(byte) 0x80});

  private Keccak256() {}

  /** Returns the 32-byte keccak256 digest of {@code data}. */
  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  /**
   * Returns the 32-byte keccak256 digest of {@code data[offset, offset + length)}.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code data}
   */
  public static byte[] hash(byte[] data, int offset, int length) {
    long[] word = new long[4];
    hashToWord(data, offset, length, word, 0);
    byte[] out = new byte[32];
    for (int i = 0; i < 4; i++) {
      LONG_BE.set(out, 8 * i, word[3 - i]);
    }
    return out;
  }

  /**
   * Writes the keccak256 digest of {@code data[offset, offset + length)} as a 256-bit big-endian
   * number into four limbs, least significant first at {@code dst[dstBase]}: the interpreter's
   * stack layout, so KECCAK256 hashes straight onto the stack without allocating.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code data}
   */
  public static void hashToWord(byte[] data, int offset, int length, long[] dst, int dstBase) {
    Objects.checkFromIndexSize(offset, length, data.length);
    Objects.checkFromIndexSize(dstBase, 4, dst.length);
    long a00 = 0, a01 = 0, a02 = 0, a03 = 0, a04 = 0;
    long a05 = 0, a06 = 0, a07 = 0, a08 = 0, a09 = 0;
    long a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0;
    long a15 = 0, a16 = 0, a17 = 0, a18 = 0, a19 = 0;
    long a20 = 0, a21 = 0, a22 = 0, a23 = 0, a24 = 0;
    int p = offset;
    int end = offset + length;
    boolean lastBlock = false;
    while (!lastBlock) {
      int remaining = end - p;
      if (remaining >= RATE) {
        a00 ^= lane(data, p);
        a01 ^= lane(data, p + 8);
        a02 ^= lane(data, p + 16);
        a03 ^= lane(data, p + 24);
        a04 ^= lane(data, p + 32);
        a05 ^= lane(data, p + 40);
        a06 ^= lane(data, p + 48);
        a07 ^= lane(data, p + 56);
        a08 ^= lane(data, p + 64);
        a09 ^= lane(data, p + 72);
        a10 ^= lane(data, p + 80);
        a11 ^= lane(data, p + 88);
        a12 ^= lane(data, p + 96);
        a13 ^= lane(data, p + 104);
        a14 ^= lane(data, p + 112);
        a15 ^= lane(data, p + 120);
        a16 ^= lane(data, p + 128);
        p += RATE;
      } else {
        // The final, padded block: always present, all padding when the input fills whole blocks.
        a00 ^= finalLane(data, p, remaining, 0);
        a01 ^= finalLane(data, p, remaining, 1);
        a02 ^= finalLane(data, p, remaining, 2);
        a03 ^= finalLane(data, p, remaining, 3);
        a04 ^= finalLane(data, p, remaining, 4);
        a05 ^= finalLane(data, p, remaining, 5);
        a06 ^= finalLane(data, p, remaining, 6);
        a07 ^= finalLane(data, p, remaining, 7);
        a08 ^= finalLane(data, p, remaining, 8);
        a09 ^= finalLane(data, p, remaining, 9);
        a10 ^= finalLane(data, p, remaining, 10);
        a11 ^= finalLane(data, p, remaining, 11);
        a12 ^= finalLane(data, p, remaining, 12);
        a13 ^= finalLane(data, p, remaining, 13);
        a14 ^= finalLane(data, p, remaining, 14);
        a15 ^= finalLane(data, p, remaining, 15);
        a16 ^= finalLane(data, p, remaining, 16);
        lastBlock = true;
      }
      for (int round = 0; round < 24; round++) {
          // theta: column parities c and their neighbours' mix d
          long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
          long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
          long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
          long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
          long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
          long d0 = c4 ^ Long.rotateLeft(c1, 1);
          long d1 = c0 ^ Long.rotateLeft(c2, 1);
          long d2 = c1 ^ Long.rotateLeft(c3, 1);
          long d3 = c2 ^ Long.rotateLeft(c4, 1);
          long d4 = c3 ^ Long.rotateLeft(c0, 1);
          // rho and pi: b[y, 2x+3y] = rotl(a[x, y] ^ d[x], r[x, y])
          long b00 = a00 ^ d0;
          long b16 = Long.rotateLeft(a05 ^ d0, 36);
          long b07 = Long.rotateLeft(a10 ^ d0, 3);
          long b23 = Long.rotateLeft(a15 ^ d0, 41);
          long b14 = Long.rotateLeft(a20 ^ d0, 18);
          long b10 = Long.rotateLeft(a01 ^ d1, 1);
          long b01 = Long.rotateLeft(a06 ^ d1, 44);
          long b17 = Long.rotateLeft(a11 ^ d1, 10);
          long b08 = Long.rotateLeft(a16 ^ d1, 45);
          long b24 = Long.rotateLeft(a21 ^ d1, 2);
          long b20 = Long.rotateLeft(a02 ^ d2, 62);
          long b11 = Long.rotateLeft(a07 ^ d2, 6);
          long b02 = Long.rotateLeft(a12 ^ d2, 43);
          long b18 = Long.rotateLeft(a17 ^ d2, 15);
          long b09 = Long.rotateLeft(a22 ^ d2, 61);
          long b05 = Long.rotateLeft(a03 ^ d3, 28);
          long b21 = Long.rotateLeft(a08 ^ d3, 55);
          long b12 = Long.rotateLeft(a13 ^ d3, 25);
          long b03 = Long.rotateLeft(a18 ^ d3, 21);
          long b19 = Long.rotateLeft(a23 ^ d3, 56);
          long b15 = Long.rotateLeft(a04 ^ d4, 27);
          long b06 = Long.rotateLeft(a09 ^ d4, 20);
          long b22 = Long.rotateLeft(a14 ^ d4, 39);
          long b13 = Long.rotateLeft(a19 ^ d4, 8);
          long b04 = Long.rotateLeft(a24 ^ d4, 14);
          // chi: a[x, y] = b[x, y] ^ (~b[x+1, y] & b[x+2, y]); iota on a[0, 0]
          a00 = b00 ^ (~b01 & b02);
          a01 = b01 ^ (~b02 & b03);
          a02 = b02 ^ (~b03 & b04);
          a03 = b03 ^ (~b04 & b00);
          a04 = b04 ^ (~b00 & b01);
          a05 = b05 ^ (~b06 & b07);
          a06 = b06 ^ (~b07 & b08);
          a07 = b07 ^ (~b08 & b09);
          a08 = b08 ^ (~b09 & b05);
          a09 = b09 ^ (~b05 & b06);
          a10 = b10 ^ (~b11 & b12);
          a11 = b11 ^ (~b12 & b13);
          a12 = b12 ^ (~b13 & b14);
          a13 = b13 ^ (~b14 & b10);
          a14 = b14 ^ (~b10 & b11);
          a15 = b15 ^ (~b16 & b17);
          a16 = b16 ^ (~b17 & b18);
          a17 = b17 ^ (~b18 & b19);
          a18 = b18 ^ (~b19 & b15);
          a19 = b19 ^ (~b15 & b16);
          a20 = b20 ^ (~b21 & b22);
          a21 = b21 ^ (~b22 & b23);
          a22 = b22 ^ (~b23 & b24);
          a23 = b23 ^ (~b24 & b20);
          a24 = b24 ^ (~b20 & b21);
        a00 ^= ROUND_CONSTANTS[round];
      }
    }
    // the digest is lanes a00..a03 in little-endian byte order; as a big-endian number a00 leads
    dst[dstBase + 3] = Long.reverseBytes(a00);
    dst[dstBase + 2] = Long.reverseBytes(a01);
    dst[dstBase + 1] = Long.reverseBytes(a02);
    dst[dstBase] = Long.reverseBytes(a03);
  }

  private static long lane(byte[] data, int index) {
    return (long) LONG_LE.get(data, index);
  }

  /**
   * Lane {@code lane} of the final block, whose first {@code remaining} (&lt; 136) bytes start at
   * {@code blockStart}: the input bytes it covers, then the Keccak padding (pad10*1 with the 0x01
   * domain byte right after the input and 0x80 in the block's last byte).
   */
  private static long finalLane(byte[] data, int blockStart, int remaining, int lane) {
    int start = 8 * lane;
    long value;
    if (start + 8 <= remaining) {
      value = lane(data, blockStart + start);
    } else if (start <= remaining) {
      value = 1L << (8 * (remaining - start));
      for (int i = remaining - 1; i >= start; i--) {
        value |= (data[blockStart + i] & 0xFFL) << (8 * (i - start));
      }
    } else {
      value = 0;
    }
    return lane == RATE / 8 - 1 ? value ^ 0x8000000000000000L : value;
  }
}
