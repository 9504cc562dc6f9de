package io.nativerollups.evmtool.statetest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void integersAreHexDecimalOrBigintMarked() {
    assertEquals(BigInteger.valueOf(255), Hex.integer("0xff"));
    assertEquals(BigInteger.ZERO, Hex.integer("0x"));
    assertEquals(BigInteger.valueOf(100), Hex.integer("100"));
    assertEquals(BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE),
        Hex.integer("0x:bigint 0x10000000000000000000000000000000000000000000000000000000000000001"));
  }

  @Test
  void malformedNumbersAreRejected() {
    assertThrows(NumberFormatException.class, () -> Hex.integer("0xzz"));
    assertThrows(IllegalArgumentException.class, () -> Hex.integer("-5"));
  }

  @Test
  void bytesNeedAnEvenNumberOfDigits() {
    assertArrayEquals(new byte[] {0x01, (byte) 0xab}, Hex.bytes("0x01ab"));
    assertArrayEquals(new byte[0], Hex.bytes(""));
    assertThrows(IllegalArgumentException.class, () -> Hex.bytes("0xabc"));
  }
}
