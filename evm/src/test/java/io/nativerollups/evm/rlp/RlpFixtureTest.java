package io.nativerollups.evm.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs ethereum/tests RLPTests: valid vectors encode and round-trip, invalid ones are rejected. */
class RlpFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> validVectorsEncodeAndDecodeToTheSameStructure() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : cases("RLPTests/rlptest.json")) {
      byte[] expected = hex(e.getValue().get("out").asText());
      JsonNode in = e.getValue().get("in");
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        assertArrayEquals(expected, encodeJson(in), "encoding of 'in'");
        RlpItem decoded = Rlp.decode(expected);
        assertArrayEquals(expected, reencode(decoded), "decode then re-encode from parts");
        assertArrayEquals(expected, decoded.encoded());
      }));
    }
    assertEquals(28, tests.size(), "rlptest.json vector count");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejected() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : cases("RLPTests/invalidRLPTest.json")) {
      byte[] input = hex(e.getValue().get("out").asText());
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        RlpException ex = assertThrows(RlpException.class, () -> Rlp.decode(input));
        assertTrue(ex.getMessage().contains("offset"), ex.getMessage());
      }));
    }
    assertEquals(26, tests.size(), "invalidRLPTest.json vector count");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> randomValidVectorsRoundTrip() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(EthereumTestsFixtures.resolve("RLPTests/RandomRLPTests"))) {
      for (Path file : files.sorted().toList()) {
        for (Map.Entry<String, JsonNode> e : cases(file)) {
          byte[] input = hex(e.getValue().get("out").asText());
          assertEquals("VALID", e.getValue().get("in").asText());
          tests.add(DynamicTest.dynamicTest(file.getFileName() + "/" + e.getKey(),
              () -> assertArrayEquals(input, reencode(Rlp.decode(input)))));
        }
      }
    }
    assertTrue(!tests.isEmpty(), "no RandomRLPTests found");
    return tests.stream();
  }

  /** Encodes a fixture's "in": strings are bytes, "#digits" big integers, numbers integers, arrays lists. */
  static byte[] encodeJson(JsonNode in) {
    if (in.isArray()) {
      List<byte[]> items = new ArrayList<>();
      in.forEach(child -> items.add(encodeJson(child)));
      return Rlp.encodeList(items);
    }
    if (in.isNumber()) {
      return Rlp.encodeLong(in.asLong());
    }
    String s = in.asText();
    if (s.startsWith("#")) {
      byte[] magnitude = new BigInteger(s.substring(1)).toByteArray();
      int skip = magnitude[0] == 0 ? 1 : 0;
      return Rlp.encodeBytes(java.util.Arrays.copyOfRange(magnitude, skip, magnitude.length));
    }
    return Rlp.encodeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Re-encodes a decoded item from its parts, so a decoder that mis-splits items cannot pass. */
  static byte[] reencode(RlpItem item) {
    if (!item.isList()) {
      return Rlp.encodeBytes(item.bytes());
    }
    List<byte[]> parts = new ArrayList<>();
    for (RlpItem child : item.items()) {
      parts.add(reencode(child));
    }
    return Rlp.encodeList(parts);
  }

  private static List<Map.Entry<String, JsonNode>> cases(String relative) throws IOException {
    return cases(EthereumTestsFixtures.resolve(relative));
  }

  private static List<Map.Entry<String, JsonNode>> cases(Path file) throws IOException {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    JSON.readTree(file.toFile()).fields().forEachRemaining(out::add);
    return out;
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.startsWith("0x") ? s.substring(2) : s);
  }
}
