package io.nativerollups.evm.rlp;

import static io.nativerollups.evm.rlp.RlpFixtureTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RlpTest {

  @Test
  void encodeLongIsMinimalAndUnsigned() {
    assertArrayEquals(hex("80"), Rlp.encodeLong(0));
    assertArrayEquals(hex("7f"), Rlp.encodeLong(0x7f));
    assertArrayEquals(hex("8180"), Rlp.encodeLong(0x80));
    assertArrayEquals(hex("820400"), Rlp.encodeLong(1024));
    assertArrayEquals(hex("88ffffffffffffffff"), Rlp.encodeLong(-1));
    assertEquals(-1L, Rlp.decode(Rlp.encodeLong(-1)).asLong());
  }

  @Test
  void encodeUInt256MatchesMinimalBytes() {
    UInt256 big = UInt256.fromHexString("0x0100000000000000000000000000000000000000000000000000000000000000");
    byte[] enc = Rlp.encodeUInt256(big);
    assertEquals(0xa0, enc[0] & 0xff);
    assertEquals(big, Rlp.decode(enc).asUInt256());
    assertArrayEquals(hex("80"), Rlp.encodeUInt256(UInt256.ZERO));
    assertEquals(UInt256.MAX, Rlp.decode(Rlp.encodeUInt256(UInt256.MAX)).asUInt256());
  }

  @Test
  void longPayloadsUseMultiByteLengths() {
    for (int len : new int[] {55, 56, 255, 256, 65535, 65536, 1 << 24}) {
      byte[] payload = new byte[len];
      Arrays.fill(payload, (byte) 0xab);
      byte[] enc = Rlp.encodeBytes(payload);
      assertEquals(Rlp.headerLength(len) + len, enc.length);
      assertArrayEquals(payload, Rlp.decode(enc).bytes(), "length " + len);
      byte[] listEnc = Rlp.encodeList(enc);
      assertArrayEquals(payload, Rlp.decode(listEnc).items().get(0).bytes());
    }
  }

  @Test
  void typedAccessorsReadNestedFields() {
    Address a = Address.fromHex("0x00000000000000000000000000000000000000aa");
    byte[] hash = new byte[32];
    hash[31] = 7;
    byte[] enc = Rlp.encodeList(Rlp.encodeAddress(a), Rlp.encodeBytes(hash), Rlp.encodeList(Rlp.encodeLong(5)));
    RlpItem item = Rlp.decode(enc);
    assertTrue(item.isList());
    assertEquals(a, item.items().get(0).asAddress());
    assertArrayEquals(hash, item.items().get(1).asBytes32());
    assertEquals(5, item.items().get(2).items().get(0).asLong());
    assertArrayEquals(Rlp.encodeBytes(hash), item.items().get(1).encoded());
  }

  @Test
  void integersWithLeadingZerosAreRejected() {
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(hex("820001")).asLong());
    assertTrue(e.getMessage().contains("leading zero"), e.getMessage());
    assertThrows(RlpException.class, () -> Rlp.decode(hex("00")).asLong());
    assertThrows(RlpException.class, () -> Rlp.decode(hex("820001")).asUInt256());
  }

  @Test
  void integersLongerThanAllowedAreRejected() {
    byte[] nine = new byte[9];
    nine[0] = 1;
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(Rlp.encodeBytes(nine)).asLong());
    assertTrue(e.getMessage().contains("9 bytes"), e.getMessage());
    byte[] thirtyThree = new byte[33];
    thirtyThree[0] = 1;
    assertThrows(RlpException.class, () -> Rlp.decode(Rlp.encodeBytes(thirtyThree)).asUInt256());
  }

  @Test
  void shapeMismatchesAreRejected() {
    assertThrows(RlpException.class, () -> Rlp.decode(hex("c0")).bytes());
    assertThrows(RlpException.class, () -> Rlp.decode(hex("c0")).asLong());
    assertThrows(RlpException.class, () -> Rlp.decode(hex("80")).items());
    assertThrows(RlpException.class, () -> Rlp.decode(Rlp.encodeBytes(new byte[19])).asAddress());
    assertThrows(RlpException.class, () -> Rlp.decode(Rlp.encodeBytes(new byte[31])).asBytes32());
  }

  @Test
  void trailingBytesAreRejectedWithTheirOffset() {
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(hex("8001")));
    assertTrue(e.getMessage().contains("offset 1"), e.getMessage());
    assertThrows(RlpException.class, () -> Rlp.decode(hex("c0c0")));
  }

  @Test
  void nestedNonCanonicalItemsAreRejectedAtDecode() {
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(hex("c3c28100")));
    assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
    // inner list claims more than its parent holds
    assertThrows(RlpException.class, () -> Rlp.decode(hex("c2c3808080")));
  }

  @Test
  void hugeClaimedLengthsFailWithoutAllocating() {
    // string claiming 2^64-1 bytes, list claiming 2^31 bytes
    assertThrows(RlpException.class, () -> Rlp.decode(hex("bfffffffffffffffff00")));
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(hex("fb80000000")));
    assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
  }

  @Test
  void deepNestingDoesNotOverflowTheStack() {
    byte[] enc = nestedEmptyLists(200_000);
    RlpItem item = Rlp.decode(enc);
    assertEquals(1, item.items().size());
    byte[] broken = enc.clone();
    broken[broken.length - 1] = (byte) 0x81; // innermost item becomes a truncated string
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(broken));
    assertTrue(e.getMessage().contains("offset " + (broken.length - 1)), e.getMessage());
  }

  /** An empty list wrapped in {@code depth} lists, built directly to avoid quadratic copying. */
  private static byte[] nestedEmptyLists(int depth) {
    int[] payloadSizes = new int[depth + 1]; // index 0: the innermost empty list
    for (int i = 1; i <= depth; i++) {
      payloadSizes[i] = Rlp.headerLength(payloadSizes[i - 1]) + payloadSizes[i - 1];
    }
    byte[] enc = new byte[Rlp.headerLength(payloadSizes[depth]) + payloadSizes[depth]];
    int pos = 0;
    for (int i = depth; i >= 0; i--) {
      pos = Rlp.writeHeader(enc, pos, 0xc0, payloadSizes[i]);
    }
    assertEquals(enc.length, pos);
    return enc;
  }

  @Test
  void decodeCopiesItsInput() {
    byte[] enc = Rlp.encodeBytes(new byte[] {1, 2, 3});
    RlpItem item = Rlp.decode(enc);
    enc[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, item.bytes());
  }
}
