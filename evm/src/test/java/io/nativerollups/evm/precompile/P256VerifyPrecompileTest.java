package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** EIP-7951's own test vectors (assets/eip-7951/test-vectors.json) and its input checks. */
class P256VerifyPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final P256VerifyPrecompile P256VERIFY = new P256VerifyPrecompile();
  private static final byte[] VALID = HEX.parseHex("0000000000000000000000000000000000000000000000000000000000000001");
  private static final BigInteger N =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final BigInteger P =
      new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

  private static JsonNode vectors() throws IOException {
    try (InputStream in = P256VerifyPrecompileTest.class.getResourceAsStream("/eip-7951/test-vectors.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** The first vector the EIP expects to verify; the bad-input tests tamper with it. */
  private static byte[] validInput() throws IOException {
    for (JsonNode v : vectors()) {
      if (v.get("Expected").asText().endsWith("1")) {
        return HEX.parseHex(v.get("Input").asText());
      }
    }
    throw new AssertionError("no valid vector");
  }

  @Test
  void eip7951VectorsGiveTheExpectedOutput() throws IOException {
    int valid = 0;
    int invalid = 0;
    for (JsonNode v : vectors()) {
      byte[] expected = HEX.parseHex(v.get("Expected").asText());
      assertArrayEquals(expected, P256VERIFY.compute(HEX.parseHex(v.get("Input").asText())), v.get("Name").asText());
      if (expected.length == 0) {
        invalid++;
      } else {
        valid++;
      }
    }
    assertEquals(781, valid + invalid);
    assertTrue(valid > 0 && invalid > 0);
  }

  @Test
  void costs6900AsEip7951Specifies() throws IOException {
    // The vector file still lists EIP-7212's 3450; the EIP's gas schedule says 6900.
    assertEquals(6900, P256VERIFY.gasRequirement(validInput()));
    assertEquals(6900, P256VERIFY.gasRequirement(new byte[0]));
  }

  @Test
  void validInputVerifies() throws IOException {
    assertArrayEquals(VALID, P256VERIFY.compute(validInput()));
  }

  @Test
  void wrongLengthGivesEmptyOutput() throws IOException {
    byte[] in = validInput();
    assertArrayEquals(new byte[0], P256VERIFY.compute(Arrays.copyOf(in, 159)));
    assertArrayEquals(new byte[0], P256VERIFY.compute(Arrays.copyOf(in, 161)));
    assertArrayEquals(new byte[0], P256VERIFY.compute(new byte[0]));
  }

  @Test
  void rOrSOutsideOneToNMinusOneGivesEmptyOutput() throws IOException {
    assertEmpty(withWord(validInput(), 32, BigInteger.ZERO));
    assertEmpty(withWord(validInput(), 64, BigInteger.ZERO));
    assertEmpty(withWord(validInput(), 32, N));
    assertEmpty(withWord(validInput(), 64, N));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertEmpty(withWord(validInput(), 32, max));
    assertEmpty(withWord(validInput(), 64, max));
  }

  @Test
  void publicKeyCoordinateNotBelowPGivesEmptyOutput() throws IOException {
    byte[] in = validInput();
    assertEmpty(withWord(in, 96, P));
    assertEmpty(withWord(in, 128, P));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertEmpty(withWord(in, 96, max));
    assertEmpty(withWord(in, 128, max));
  }

  @Test
  void publicKeyOffTheCurveGivesEmptyOutput() throws IOException {
    byte[] in = validInput();
    BigInteger qy = new BigInteger(1, Arrays.copyOfRange(in, 128, 160));
    assertEmpty(withWord(in, 128, qy.add(BigInteger.ONE).mod(P)));
  }

  @Test
  void publicKeyAtInfinityGivesEmptyOutput() throws IOException {
    byte[] in = validInput();
    Arrays.fill(in, 96, 160, (byte) 0);
    assertEmpty(in);
  }

  @Test
  void tamperedHashOrSignatureGivesEmptyOutput() throws IOException {
    for (int offset : new int[] {0, 31, 32, 63, 64, 95}) {
      byte[] in = validInput();
      in[offset] ^= 1;
      assertEmpty(in);
    }
  }

  @Test
  void doesNotModifyInput() throws IOException {
    byte[] in = validInput();
    P256VERIFY.compute(in);
    assertArrayEquals(validInput(), in);
  }

  private static void assertEmpty(byte[] input) {
    assertArrayEquals(new byte[0], P256VERIFY.compute(input));
  }

  private static byte[] withWord(byte[] input, int offset, BigInteger value) {
    byte[] out = input.clone();
    System.arraycopy(TestBytes.word(value), 0, out, offset, 32);
    return out;
  }
}
