package io.nativerollups.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.rlp.EthereumTestsFixtures;
import io.nativerollups.evm.types.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethereum/tests TransactionTests: each case's {@code txbytes} decoded and checked against the
 * result of every fork we implement (only Cancun appears in this fixture set); valid cases give the
 * fixture's hash, sender and intrinsic gas, invalid ones are rejected by the decoder or the fork's
 * validator.
 */
class TransactionTestsFixtureTest {
  /** The fixtures are filled for mainnet's chain id. */
  private static final long CHAIN_ID = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private record Case(String name, byte[] txBytes, JsonNode results) {}

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsResultForEachForkWeImplement() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      for (Fork fork : Fork.values()) {
        JsonNode result = c.results().get(fork.displayName());
        if (result != null) {
          tests.add(
              DynamicTest.dynamicTest(
                  fork.displayName() + " " + c.name(), () -> check(c.txBytes(), fork, result)));
        }
      }
    }
    assertFalse(tests.isEmpty(), "no TransactionTests case has a result for Cancun, Prague or Osaka");
    return tests.stream();
  }

  /**
   * Cases filled only for forks before Cancun (malformed RLP, wrong field counts) and invalid in
   * all of them: malformed encodings stay malformed, so Cancun must reject them too.
   */
  @TestFactory
  Stream<DynamicTest> casesInvalidInEveryEarlierForkAreRejectedUnderCancun() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      if (hasResultForOurForks(c.results()) || !invalidInEveryFork(c.results())) {
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(
              c.name(),
              () ->
                  assertThrows(
                      InvalidTransactionException.class,
                      () -> decodeAndValidate(c.txBytes(), Fork.CANCUN))));
    }
    return tests.stream();
  }

  private static void check(byte[] txBytes, Fork fork, JsonNode result) {
    if (result.has("exception")) {
      InvalidTransactionException e =
          assertThrows(
              InvalidTransactionException.class,
              () -> decodeAndValidate(txBytes, fork),
              "expected " + result.get("exception").asText());
      assertFalse(e.getMessage().isBlank(), "the rejection must say why");
      return;
    }
    Transaction tx = decodeAndValidate(txBytes, fork);
    assertEquals(result.get("hash").asText(), "0x" + HEX.formatHex(TransactionHasher.hash(tx)));
    assertEquals(Address.fromHex(result.get("sender").asText()), tx.sender());
    assertEquals(
        Long.decode(result.get("intrinsicGas").asText()),
        GasCalculator.forFork(fork).transactionIntrinsicGas(tx));
    assertArrayEquals(txBytes, TransactionEncoder.encode(tx), "re-encoding gives the input");
  }

  private static Transaction decodeAndValidate(byte[] txBytes, Fork fork) {
    Transaction tx = TransactionDecoder.decode(txBytes);
    TransactionValidator.forFork(fork).validate(tx, CHAIN_ID);
    return tx;
  }

  private static boolean hasResultForOurForks(JsonNode results) {
    for (Fork fork : Fork.values()) {
      if (results.has(fork.displayName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean invalidInEveryFork(JsonNode results) {
    for (JsonNode result : results) {
      if (!result.has("exception")) {
        return false;
      }
    }
    return true;
  }

  private static List<Case> cases() {
    Path root = EthereumTestsFixtures.resolve("TransactionTests");
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode json = JSON.readTree(file.toFile());
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> test = it.next();
          String txBytes = test.getValue().get("txbytes").asText();
          cases.add(
              new Case(
                  root.relativize(file) + " " + test.getKey(),
                  HEX.parseHex(txBytes.substring(2)),
                  test.getValue().get("result")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(cases.size() > 0, "no TransactionTests fixtures under " + root);
    return cases;
  }
}
