package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

/**
 * EIP-152's own test vectors (0-7; vector 8's 2^32-1 rounds is checked for its price only), and
 * BLAKE2b-512 computed by chaining 12-round calls, against Bouncy Castle, and other round counts
 * against a plain transcription of RFC 7693's F.
 */
class Blake2fPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Blake2fPrecompile BLAKE2F = new Blake2fPrecompile();

  // The EIP's vectors share h, m and t; they differ in rounds (prefix) and the final flag (suffix).
  private static final String STATE_MESSAGE_COUNTER =
      "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b" // h
          + "61626300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" // m
          + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" // m
          + "03000000000000000000000000000000"; // t

  private static byte[] input(String rounds, String flag) {
    return HEX.parseHex(rounds + STATE_MESSAGE_COUNTER + flag);
  }

  @Test
  void vector0EmptyInputFails() {
    assertNull(BLAKE2F.compute(new byte[0]));
  }

  @Test
  void vector1InputOneByteShortFails() {
    byte[] shortInput = HEX.parseHex("00000c" + STATE_MESSAGE_COUNTER + "01");
    assertEquals(212, shortInput.length);
    assertNull(BLAKE2F.compute(shortInput));
    assertEquals(0, BLAKE2F.gasRequirement(shortInput));
  }

  @Test
  void vector2InputOneByteLongFails() {
    byte[] longInput = HEX.parseHex("000000000c" + STATE_MESSAGE_COUNTER + "01");
    assertEquals(214, longInput.length);
    assertNull(BLAKE2F.compute(longInput));
  }

  @Test
  void vector3FinalFlagOtherThan0Or1Fails() {
    assertNull(BLAKE2F.compute(input("0000000c", "02")));
    assertNull(BLAKE2F.compute(input("0000000c", "ff")));
  }

  @Test
  void vector4ZeroRounds() {
    assertArrayEquals(
        HEX.parseHex(
            "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b"),
        BLAKE2F.compute(input("00000000", "01")));
    assertEquals(0, BLAKE2F.gasRequirement(input("00000000", "01")));
  }

  @Test
  void vector5TwelveRoundsIsBlake2bOfAbc() {
    assertArrayEquals(
        HEX.parseHex(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
        BLAKE2F.compute(input("0000000c", "01")));
    assertEquals(12, BLAKE2F.gasRequirement(input("0000000c", "01")));
  }

  @Test
  void vector6NotFinalBlock() {
    assertArrayEquals(
        HEX.parseHex(
            "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735"),
        BLAKE2F.compute(input("0000000c", "00")));
  }

  @Test
  void vector7OneRound() {
    assertArrayEquals(
        HEX.parseHex(
            "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421"),
        BLAKE2F.compute(input("00000001", "01")));
  }

  @Test
  void vector8MaximumRoundsCostsOneGasPerRound() {
    assertEquals(4_294_967_295L, BLAKE2F.gasRequirement(input("ffffffff", "01")));
  }

  @Test
  void doesNotModifyInput() {
    byte[] in = input("0000000c", "01");
    BLAKE2F.compute(in);
    assertArrayEquals(input("0000000c", "01"), in);
  }

  @Test
  void chainedTwelveRoundCallsComputeBlake2b512OfMessagesOfManyLengths() {
    Random random = new Random(152);
    for (int length : new int[] {0, 1, 127, 128, 129, 255, 256, 257, 1000}) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      Blake2bDigest reference = new Blake2bDigest(512);
      reference.update(message, 0, length);
      byte[] expected = new byte[64];
      reference.doFinal(expected, 0);
      assertArrayEquals(expected, blake2b512ByPrecompile(message), "length " + length);
    }
  }

  @Test
  void roundCountsAcrossSeveralSchedulePeriodsMatchTheRfcDefinition() {
    Random random = new Random(7693);
    for (int rounds : new int[] {2, 9, 10, 11, 19, 20, 21, 25, 39, 40, 41, 99, 1000, 1001}) {
      byte[] input = new byte[213];
      random.nextBytes(input);
      ByteBuffer.wrap(input).putInt(rounds);
      input[212] = (byte) (rounds & 1);
      assertArrayEquals(rfcCompress(input), BLAKE2F.compute(input), rounds + " rounds");
    }
  }

  /** RFC 7693 section 3.2 as written (state in an array, G as a method), with the EIP's rounds. */
  private static byte[] rfcCompress(byte[] input) {
    ByteBuffer in = ByteBuffer.wrap(input);
    int rounds = in.getInt();
    in.order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[8];
    long[] m = new long[16];
    for (int i = 0; i < 8; i++) {
      h[i] = in.getLong();
    }
    for (int i = 0; i < 16; i++) {
      m[i] = in.getLong();
    }
    long[] v = new long[16];
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(RFC_IV, 0, v, 8, 8);
    v[12] ^= in.getLong();
    v[13] ^= in.getLong();
    if (in.get() == 1) {
      v[14] = ~v[14];
    }
    for (int r = 0; r < rounds; r++) {
      int[] s = RFC_SIGMA[r % 10];
      rfcG(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
      rfcG(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
      rfcG(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
      rfcG(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
      rfcG(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
      rfcG(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
      rfcG(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
      rfcG(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 8; i++) {
      out.putLong(h[i] ^ v[i] ^ v[i + 8]);
    }
    return out.array();
  }

  private static void rfcG(long[] v, int a, int b, int c, int d, long x, long y) {
    v[a] = v[a] + v[b] + x;
    v[d] = Long.rotateRight(v[d] ^ v[a], 32);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 24);
    v[a] = v[a] + v[b] + y;
    v[d] = Long.rotateRight(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 63);
  }

  private static final long[] RFC_IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  private static final int[][] RFC_SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  /** RFC 7693 BLAKE2b-512 without a key, one precompile call per 128-byte block. */
  private static byte[] blake2b512ByPrecompile(byte[] message) {
    ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    long[] iv = {
      0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
      0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
    };
    iv[0] ^= 0x01010040L; // parameter block: fanout 1, depth 1, no key, 64-byte digest
    for (long word : iv) {
      h.putLong(word);
    }
    byte[] state = h.array();
    int offset = 0;
    do {
      int blockLength = Math.min(128, message.length - offset);
      boolean last = offset + blockLength == message.length;
      ByteBuffer in = ByteBuffer.allocate(213);
      in.putInt(12).put(state);
      in.put(Arrays.copyOfRange(message, offset, offset + 128)); // zero-padded past the end
      in.order(ByteOrder.LITTLE_ENDIAN).putLong(offset + blockLength).putLong(0);
      in.put((byte) (last ? 1 : 0));
      state = BLAKE2F.compute(in.array());
      offset += blockLength;
    } while (offset < message.length);
    return state;
  }
}
