package io.nativerollups.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.types.UInt256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** Keccak256 against published digests and, on many inputs, against Bouncy Castle's KeccakDigest. */
class Keccak256Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final int RATE = 136;

  private static byte[] reference(byte[] data) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void publishedDigests() {
    assertArrayEquals(
        HEX.parseHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        Keccak256.hash(new byte[0]));
    assertArrayEquals(
        HEX.parseHex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        Keccak256.hash(ascii("abc")));
    assertArrayEquals(
        HEX.parseHex("4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"),
        Keccak256.hash(ascii("The quick brown fox jumps over the lazy dog")));
  }

  @Test
  void constantsAreTheEmptyCodeHashAndEmptyTrieRoot() {
    assertArrayEquals(
        HEX.parseHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        Keccak256.EMPTY);
    assertArrayEquals(
        HEX.parseHex("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"),
        Keccak256.EMPTY_TRIE_ROOT);
  }

  @Test
  void matchesBouncyCastleOnRandomInputsOfEveryLengthUpTo1000() {
    Random random = new Random(1);
    for (int length = 0; length <= 1000; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      assertArrayEquals(reference(data), Keccak256.hash(data), "length " + length);
    }
  }

  @Test
  void matchesBouncyCastleAroundEveryRateBoundaryUpToTwentyBlocks() {
    Random random = new Random(2);
    for (int blocks = 1; blocks <= 20; blocks++) {
      for (int length = blocks * RATE - 9; length <= blocks * RATE + 9; length++) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        assertArrayEquals(reference(data), Keccak256.hash(data), "length " + length);
      }
    }
  }

  @Test
  void matchesBouncyCastleOnAllOnesBytesWherePaddingMeetsInput() {
    // 0xFF bytes make any padding byte that is ORed or XORed in the wrong place visible.
    for (int length = 0; length <= 2 * RATE + 1; length++) {
      byte[] data = new byte[length];
      Arrays.fill(data, (byte) 0xFF);
      assertArrayEquals(reference(data), Keccak256.hash(data), "length " + length);
    }
  }

  @Test
  void matchesBouncyCastleOnLargeInput() {
    byte[] data = new byte[1 << 20];
    new Random(3).nextBytes(data);
    assertArrayEquals(reference(data), Keccak256.hash(data));
  }

  @Test
  void hashesOnlyTheGivenRange() {
    Random random = new Random(4);
    byte[] buffer = new byte[1200];
    random.nextBytes(buffer);
    for (int i = 0; i < 300; i++) {
      int offset = random.nextInt(buffer.length + 1);
      int length = random.nextInt(buffer.length - offset + 1);
      assertArrayEquals(
          reference(Arrays.copyOfRange(buffer, offset, offset + length)),
          Keccak256.hash(buffer, offset, length),
          "offset " + offset + " length " + length);
    }
  }

  @Test
  void doesNotModifyInput() {
    byte[] data = new byte[300];
    new Random(5).nextBytes(data);
    byte[] copy = data.clone();
    Keccak256.hash(data, 7, 290);
    assertArrayEquals(copy, data);
  }

  @Test
  void rangeOutsideTheArrayIsRejected() {
    byte[] data = new byte[10];
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(data, -1, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(data, 6, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(data, 0, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(data, 11, 0));
    assertThrows(NullPointerException.class, () -> Keccak256.hash(null));
  }

  @Test
  void hashToWordWritesTheDigestAsStackLimbsAndNothingElse() {
    Random random = new Random(42);
    for (int length = 0; length < 300; length += 7) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      long[] stack = new long[12];
      Arrays.fill(stack, 0x5a5a5a5a5a5a5a5aL);
      Keccak256.hashToWord(data, 0, length, stack, 4);
      UInt256 expected = UInt256.fromBytes(reference(data));
      assertArrayEquals(new long[] {expected.limb0(), expected.limb1(), expected.limb2(), expected.limb3()},
          Arrays.copyOfRange(stack, 4, 8));
      for (int j : new int[] {0, 1, 2, 3, 8, 9, 10, 11}) {
        assertEquals(0x5a5a5a5a5a5a5a5aL, stack[j], "limb " + j + " touched");
      }
    }
  }

  @Test
  void hashToWordRejectsADestinationTooShort() {
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hashToWord(new byte[1], 0, 1, new long[4], 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hashToWord(new byte[1], 0, 2, new long[4], 0));
  }
}
