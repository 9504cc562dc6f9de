package io.nativerollups.node.rpc.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void quantitiesHaveNoLeadingZeros() {
    assertEquals("0x0", Hex.quantity(0));
    assertEquals("0x400", Hex.quantity(1024));
    assertEquals("0xffffffffffffffff", Hex.quantity(-1L));
    assertEquals("0x1", Hex.quantity(UInt256.ONE));
    assertEquals("0x10", Hex.quantity(BigInteger.valueOf(16)));
  }

  @Test
  void dataKeepsEveryByte() {
    assertEquals("0x", Hex.data(new byte[0]));
    assertEquals("0x0001ff", Hex.data(new byte[] {0, 1, (byte) 0xff}));
  }

  @Test
  void parsesWhatItWrites() {
    assertEquals(1024, Hex.parseLong("0x400"));
    assertEquals(-1L, Hex.parseLong("0xffffffffffffffff"));
    assertEquals(UInt256.MAX, Hex.parseUInt256(UInt256.MAX.toHexString()));
    assertArrayEquals(new byte[] {0, 1}, Hex.parseData("0x0001"));
    assertArrayEquals(new byte[] {(byte) 0xab}, Hex.parseData("0XAB"));
  }

  @Test
  void refusesMalformedQuantities() {
    assertEquals("hex string without 0x prefix", assertThrows(IllegalArgumentException.class, () -> Hex.parseLong("12")).getMessage());
    assertEquals("hex string \"0x\"", assertThrows(IllegalArgumentException.class, () -> Hex.parseLong("0x")).getMessage());
    assertEquals("hex number with leading zero digits",
        assertThrows(IllegalArgumentException.class, () -> Hex.parseLong("0x01")).getMessage());
    assertEquals("hex number > 64 bits",
        assertThrows(IllegalArgumentException.class, () -> Hex.parseLong("0x10000000000000000")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hex.parseQuantity("0x" + "1".repeat(65)));
    assertThrows(IllegalArgumentException.class, () -> Hex.parseQuantity("0xzz"));
  }

  @Test
  void refusesMalformedData() {
    assertEquals("hex string of odd length", assertThrows(IllegalArgumentException.class, () -> Hex.parseData("0x123")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hex.parseData("0xgg"));
    assertThrows(IllegalArgumentException.class, () -> Hex.parseData("abcd"));
    assertThrows(IllegalArgumentException.class, () -> Hex.parseData("0x00", 2));
  }
}
