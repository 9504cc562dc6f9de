package io.nativerollups.evm.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.EthereumTestsFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs ethereum/tests TrieTests: each case's insertions (and deletions, for null values) must give
 * the expected root; the secure variants hash keys with keccak256 first. Each case also checks
 * that every surviving key reads back and proves against the root.
 */
class TrieFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> trietest() throws IOException {
    return cases("trietest.json", false);
  }

  @TestFactory
  Stream<DynamicTest> trietestSecure() throws IOException {
    return cases("trietest_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorder() throws IOException {
    return cases("trieanyorder.json", false);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorderSecure() throws IOException {
    return cases("trieanyorder_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> hexEncodedSecure() throws IOException {
    return cases("hex_encoded_securetrie_test.json", true);
  }

  private static Stream<DynamicTest> cases(String file, boolean secure) throws IOException {
    JsonNode all = JSON.readTree(EthereumTestsFixtures.resolve("TrieTests/" + file).toFile());
    List<DynamicTest> tests = new ArrayList<>();
    all.fields().forEachRemaining(e -> tests.add(DynamicTest.dynamicTest(e.getKey(), () -> run(e.getValue(), secure))));
    return tests.stream();
  }

  private static void run(JsonNode testCase, boolean secure) {
    List<byte[][]> ops = new ArrayList<>();
    JsonNode in = testCase.get("in");
    if (in.isArray()) {
      in.forEach(pair -> ops.add(new byte[][] {bytes(pair.get(0)), bytes(pair.get(1))}));
    } else {
      in.fields().forEachRemaining(e -> ops.add(new byte[][] {bytes(e.getKey()), bytes(e.getValue())}));
    }
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    Map<String, byte[]> expected = new java.util.HashMap<>();
    for (byte[][] op : ops) {
      byte[] key = secure ? Keccak256.hash(op[0]) : op[0];
      if (op[1] == null) {
        trie.remove(key);
        expected.remove(HexFormat.of().formatHex(key));
      } else {
        trie.put(key, op[1]);
        if (op[1].length == 0) {
          expected.remove(HexFormat.of().formatHex(key));
        } else {
          expected.put(HexFormat.of().formatHex(key), op[1]);
        }
      }
    }
    byte[] root = trie.rootHash();
    assertEquals(testCase.get("root").asText(), "0x" + HexFormat.of().formatHex(root));
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      byte[] key = HexFormat.of().parseHex(e.getKey());
      assertArrayEquals(e.getValue(), trie.get(key));
      assertArrayEquals(e.getValue(), MerklePatriciaTrie.verifyProof(root, key, trie.proof(key)));
    }
    byte[] absent = "no such key in any fixture".getBytes(StandardCharsets.UTF_8);
    assertNull(trie.get(absent));
    assertNull(MerklePatriciaTrie.verifyProof(root, absent, trie.proof(absent)));
  }

  /** Fixture strings: "0x..." is hex, anything else its UTF-8 bytes; JSON null stays null (delete). */
  private static byte[] bytes(JsonNode node) {
    return node.isNull() ? null : bytes(node.asText());
  }

  private static byte[] bytes(String s) {
    return s.startsWith("0x") ? HexFormat.of().parseHex(s.substring(2)) : s.getBytes(StandardCharsets.UTF_8);
  }
}
