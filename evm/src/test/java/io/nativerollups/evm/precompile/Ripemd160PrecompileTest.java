package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ripemd160PrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Ripemd160Precompile RIPEMD160 = new Ripemd160Precompile();

  @Test
  void matchesReferenceVectorsLeftPaddedTo32Bytes() {
    assertArrayEquals(
        HEX.parseHex("0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31"),
        RIPEMD160.compute(new byte[0]));
    assertArrayEquals(
        HEX.parseHex("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        RIPEMD160.compute("abc".getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals(
        HEX.parseHex("00000000000000000000000012a053384a9c0c88e405a06c27dcf49ada62eb2b"),
        RIPEMD160.compute(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void costs600Plus120PerWord() {
    assertEquals(600, RIPEMD160.gasRequirement(new byte[0]));
    assertEquals(720, RIPEMD160.gasRequirement(new byte[32]));
    assertEquals(840, RIPEMD160.gasRequirement(new byte[33]));
  }
}
