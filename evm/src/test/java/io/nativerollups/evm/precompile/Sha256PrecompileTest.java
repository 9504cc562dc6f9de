package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256PrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Sha256Precompile SHA256 = new Sha256Precompile();

  @Test
  void matchesFips180Vectors() {
    assertArrayEquals(
        HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        SHA256.compute(new byte[0]));
    assertArrayEquals(
        HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        SHA256.compute("abc".getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals(
        HEX.parseHex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        SHA256.compute(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void costs60Plus12PerWord() {
    assertEquals(60, SHA256.gasRequirement(new byte[0]));
    assertEquals(72, SHA256.gasRequirement(new byte[1]));
    assertEquals(72, SHA256.gasRequirement(new byte[32]));
    assertEquals(84, SHA256.gasRequirement(new byte[33]));
  }
}
