package io.nativerollups.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.EthereumTestsFixtures;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The signed transactions ({@code txbytes}) of the GeneralStateTests' Cancun entries: each decodes
 * to the fields and sender its test declares and passes Cancun's static rules, unless the test
 * expects it to be rejected for a static reason, in which case decoding or validation rejects it.
 * Entries rejected for a state-dependent reason (balance, sender code) must at least not break
 * the decoder.
 */
class StateTestTransactionsTest {
  private static final long CHAIN_ID = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** Exceptions that depend on the transaction alone, not on state or block. */
  private static final Set<String> STATIC_EXCEPTIONS =
      Set.of(
          "INTRINSIC_GAS_TOO_LOW",
          "INITCODE_SIZE_EXCEEDED",
          "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH",
          "TYPE_3_TX_ZERO_BLOBS",
          "TYPE_3_TX_BLOB_COUNT_EXCEEDED",
          "TYPE_3_TX_CONTRACT_CREATION",
          "NONCE_IS_MAX",
          "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
          "GASLIMIT_PRICE_PRODUCT_OVERFLOW",
          "RLP_INVALID_VALUE");

  @TestFactory
  Stream<DynamicTest> cancunStateTestTransactionsDecodeAsDeclared() throws IOException {
    Path root = EthereumTestsFixtures.resolve("GeneralStateTests");
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> paths = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return paths.stream()
          .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> checkFile(p)));
    }
  }

  private static void checkFile(Path file) {
    JsonNode json;
    try {
      json = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Iterator<Map.Entry<String, JsonNode>> tests = json.fields();
    while (tests.hasNext()) {
      Map.Entry<String, JsonNode> test = tests.next();
      JsonNode declared = test.getValue().get("transaction");
      JsonNode posts = test.getValue().get("post").get(Fork.CANCUN.displayName());
      if (posts == null) {
        continue;
      }
      for (JsonNode post : posts) {
        String where = test.getKey() + " " + post.get("indexes");
        byte[] txBytes = HEX.parseHex(post.get("txbytes").asText().substring(2));
        JsonNode expected = post.get("expectException");
        if (expected == null) {
          Transaction tx = TransactionDecoder.decode(txBytes);
          TransactionValidator.forFork(Fork.CANCUN).validate(tx, CHAIN_ID);
          checkFields(where, declared, post.get("indexes"), tx);
        } else if (onlyStaticReasons(expected.asText())) {
          assertThrows(
              InvalidTransactionException.class,
              () -> TransactionValidator.forFork(Fork.CANCUN).validate(TransactionDecoder.decode(txBytes), CHAIN_ID),
              where + " expects " + expected.asText());
        } else {
          try {
            TransactionDecoder.decode(txBytes);
          } catch (InvalidTransactionException e) {
            // A reason of its own is fine; any other exception fails the test.
          }
        }
      }
    }
  }

  private static boolean onlyStaticReasons(String expectException) {
    for (String alternative : expectException.split("\\|")) {
      if (!STATIC_EXCEPTIONS.contains(alternative.replace("TransactionException.", ""))) {
        return false;
      }
    }
    return true;
  }

  private static void checkFields(String where, JsonNode declared, JsonNode indexes, Transaction tx) {
    int d = indexes.get("data").asInt();
    assertEquals(Address.fromHex(declared.get("sender").asText()), tx.sender(), where + " sender");
    assertEquals(number(declared.get("nonce")).longValue(), tx.nonce(), where + " nonce");
    String to = declared.get("to").asText();
    assertEquals(to.isEmpty() ? null : Address.fromHex(to), tx.to(), where + " to");
    assertArrayEquals(bytes(declared.get("data").get(d)), tx.data(), where + " data");
    assertEquals(
        number(declared.get("gasLimit").get(indexes.get("gas").asInt())).longValue(),
        tx.gasLimit(),
        where + " gasLimit");
    assertEquals(
        uint256(declared.get("value").get(indexes.get("value").asInt())), tx.value(), where + " value");
    if (declared.has("gasPrice")) {
      assertEquals(uint256(declared.get("gasPrice")), tx.gasPrice(), where + " gasPrice");
    } else {
      assertEquals(uint256(declared.get("maxFeePerGas")), tx.maxFeePerGas(), where + " maxFeePerGas");
      assertEquals(
          uint256(declared.get("maxPriorityFeePerGas")), tx.maxPriorityFeePerGas(), where + " tip");
    }
    JsonNode accessLists = declared.get("accessLists");
    if (accessLists != null && !accessLists.get(d).isNull()) {
      List<AccessListEntry> expected = new ArrayList<>();
      for (JsonNode entry : accessLists.get(d)) {
        List<UInt256> keys = new ArrayList<>();
        for (JsonNode key : entry.get("storageKeys")) {
          keys.add(uint256(key));
        }
        expected.add(new AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
      }
      assertEquals(expected, tx.accessList(), where + " accessList");
    }
    if (declared.has("blobVersionedHashes")) {
      assertEquals(uint256(declared.get("maxFeePerBlobGas")), tx.maxFeePerBlobGas(), where + " blob fee");
      JsonNode hashes = declared.get("blobVersionedHashes");
      assertEquals(hashes.size(), tx.blobVersionedHashes().size(), where + " blob count");
      for (int i = 0; i < hashes.size(); i++) {
        assertArrayEquals(bytes(hashes.get(i)), tx.blobVersionedHashes().get(i), where + " blob hash");
      }
    }
  }

  private static BigInteger number(JsonNode hex) {
    String s = hex.asText().replace("0x:bigint ", "");
    return new BigInteger(s.substring(2).isEmpty() ? "0" : s.substring(2), 16);
  }

  private static UInt256 uint256(JsonNode hex) {
    return UInt256.fromBigInteger(number(hex));
  }

  private static byte[] bytes(JsonNode hex) {
    return HEX.parseHex(hex.asText().substring(2));
  }
}
