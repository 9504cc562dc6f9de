package io.nativerollups.evmtool.statetest;

import static io.nativerollups.evmtool.FixtureJson.field;
import static io.nativerollups.evmtool.FixtureJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evmtool.FixtureFiles;
import io.nativerollups.evmtool.statetest.StateTest.Environment;
import io.nativerollups.evmtool.statetest.StateTest.PostState;
import io.nativerollups.evmtool.statetest.StateTest.PreAccount;
import io.nativerollups.evmtool.statetest.TransactionTemplate.AuthorizationTemplate;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads state-test fixture files (ethereum/tests GeneralStateTests and execution-spec-tests
 * {@code state_tests}; both use the same JSON shape) into {@link StateTest}s. Everything is
 * checked while reading, so a malformed file is reported as one {@link FixtureFormatException}
 * before any of its cases runs.
 */
public final class StateTestParser {
  /** Fixtures without {@code currentBaseFee} come from retesteth, whose genesis implies 0x0a here. */
  private static final UInt256 DEFAULT_BASE_FEE = UInt256.valueOf(10);
  /** ethereum/tests state tests run on mainnet's chain id. */
  private static final long DEFAULT_CHAIN_ID = 1;

  private StateTestParser() {}

  /** All tests of one file, in file order. */
  public static List<StateTest> parse(Path file) throws IOException, FixtureFormatException {
    return FixtureFiles.parseTests(file, "state-test", StateTestParser::parseTest);
  }

  private static StateTest parseTest(String name, JsonNode test) {
    TransactionTemplate transaction = parseTransaction(field(test, "transaction"));
    Map<String, List<PostState>> post = parsePost(field(test, "post"));
    post.forEach((fork, entries) -> entries.forEach(p -> checkIndexes(transaction, fork, p)));
    JsonNode config = test.get("config");
    JsonNode chainId = config == null ? null : config.get("chainid");
    return new StateTest(
        name,
        chainId == null ? DEFAULT_CHAIN_ID : u64(chainId, "config.chainid"),
        parseEnv(field(test, "env")),
        parsePre(field(test, "pre")),
        transaction,
        post);
  }

  private static void checkIndexes(TransactionTemplate tx, String fork, PostState p) {
    if (p.dataIndex() >= tx.data().size()
        || p.gasIndex() >= tx.gasLimits().size()
        || p.valueIndex() >= tx.values().size()
        || (tx.accessLists() != null && p.dataIndex() >= tx.accessLists().size())) {
      throw new IllegalArgumentException("post " + fork + " indexes (data " + p.dataIndex() + ", gas "
          + p.gasIndex() + ", value " + p.valueIndex() + ") outside the transaction's arrays");
    }
  }

  private static Environment parseEnv(JsonNode env) {
    JsonNode random = env.get("currentRandom");
    byte[] prevRandao = leftPad32(Hex.bytes(text(random != null ? random : field(env, "currentDifficulty"), "currentRandom")));
    JsonNode baseFee = env.get("currentBaseFee");
    JsonNode excess = env.get("currentExcessBlobGas");
    return new Environment(
        address(field(env, "currentCoinbase"), "currentCoinbase"),
        u64(field(env, "currentNumber"), "currentNumber"),
        u64(field(env, "currentTimestamp"), "currentTimestamp"),
        u64(field(env, "currentGasLimit"), "currentGasLimit"),
        baseFee == null ? DEFAULT_BASE_FEE : u256(baseFee, "currentBaseFee"),
        prevRandao,
        excess == null ? 0 : u64(excess, "currentExcessBlobGas"));
  }

  /**
   * The accounts of a {@code pre} or post-state object, or of a genesis {@code alloc}: address to
   * nonce, balance, code, storage; a field left out is zero or empty, as in genesis files.
   */
  public static Map<Address, PreAccount> parsePre(JsonNode pre) {
    Map<Address, PreAccount> accounts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new LinkedHashMap<>();
      JsonNode slots = a.get("storage");
      if (slots != null) {
        for (Iterator<Map.Entry<String, JsonNode>> s = slots.fields(); s.hasNext(); ) {
          Map.Entry<String, JsonNode> slot = s.next();
          storage.put(UInt256.fromHexString(slot.getKey()), u256(slot.getValue(), "storage value"));
        }
      }
      accounts.put(
          Address.fromHex(e.getKey()),
          new PreAccount(
              a.has("nonce") ? u64(a.get("nonce"), "nonce") : 0,
              a.has("balance") ? u256(a.get("balance"), "balance") : UInt256.ZERO,
              a.has("code") ? Hex.bytes(text(a.get("code"), "code")) : new byte[0],
              storage));
    }
    return accounts;
  }

  private static TransactionTemplate parseTransaction(JsonNode tx) {
    String to = text(field(tx, "to"), "to");
    JsonNode senderNode = tx.get("sender");
    Address sender = senderNode != null && !text(senderNode, "sender").isEmpty()
        ? address(senderNode, "sender")
        : Secp256k1.addressOf(leftPad32(Hex.bytes(text(field(tx, "secretKey"), "secretKey"))));
    return new TransactionTemplate(
        integer(field(tx, "nonce"), "nonce"),
        optionalInteger(tx, "gasPrice"),
        optionalInteger(tx, "maxFeePerGas"),
        optionalInteger(tx, "maxPriorityFeePerGas"),
        optionalInteger(tx, "maxFeePerBlobGas"),
        to.isEmpty() ? null : Address.fromHex(to),
        list(field(tx, "data"), n -> Hex.bytes(text(n, "data"))),
        list(field(tx, "gasLimit"), n -> integer(n, "gasLimit")),
        list(field(tx, "value"), n -> integer(n, "value")),
        optionalList(tx, "accessLists", n -> n.isNull() ? null : parseAccessList(n)),
        optionalList(tx, "blobVersionedHashes", n -> Hex.bytes(text(n, "blobVersionedHashes"))),
        optionalList(tx, "authorizationList", StateTestParser::parseAuthorization),
        sender);
  }

  private static List<AccessListEntry> parseAccessList(JsonNode list) {
    return list(list, entry -> new AccessListEntry(
        address(field(entry, "address"), "accessList address"),
        list(field(entry, "storageKeys"), k -> u256(k, "storageKeys"))));
  }

  private static AuthorizationTemplate parseAuthorization(JsonNode a) {
    JsonNode yParity = a.has("yParity") ? a.get("yParity") : field(a, "v");
    return new AuthorizationTemplate(
        integer(field(a, "chainId"), "chainId"),
        address(field(a, "address"), "address"),
        integer(field(a, "nonce"), "nonce"),
        integer(yParity, "yParity"),
        integer(field(a, "r"), "r"),
        integer(field(a, "s"), "s"));
  }

  private static Map<String, List<PostState>> parsePost(JsonNode post) {
    Map<String, List<PostState>> byFork = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = post.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byFork.put(e.getKey(), list(e.getValue(), p -> {
        JsonNode indexes = field(p, "indexes");
        JsonNode exception = p.get("expectException");
        return new PostState(
            index(field(indexes, "data")),
            index(field(indexes, "gas")),
            index(field(indexes, "value")),
            Hex.bytes(text(field(p, "hash"), "hash")),
            Hex.bytes(text(field(p, "logs"), "logs")),
            exception == null || exception.isNull() ? null : exception.asText());
      }));
    }
    return byFork;
  }

  private static BigInteger integer(JsonNode node, String what) {
    if (node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) {
      return node.bigIntegerValue();
    }
    return Hex.integer(text(node, what));
  }

  private static BigInteger optionalInteger(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : integer(v, name);
  }

  private static long u64(JsonNode node, String what) {
    BigInteger v = integer(node, what);
    if (v.bitLength() > 64) {
      throw new IllegalArgumentException(what + " exceeds 64 bits: " + node.asText());
    }
    return v.longValue();
  }

  private static UInt256 u256(JsonNode node, String what) {
    BigInteger v = integer(node, what);
    if (v.bitLength() > 256) {
      throw new IllegalArgumentException(what + " exceeds 256 bits: " + node.asText());
    }
    return UInt256.fromBigInteger(v);
  }

  private static int index(JsonNode node) {
    if (!node.canConvertToInt() || node.asInt() < 0) {
      throw new IllegalArgumentException("bad index " + node);
    }
    return node.asInt();
  }

  private static Address address(JsonNode node, String what) {
    return Address.fromHex(text(node, what));
  }

  private static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("expected an array, got " + node);
    }
    List<T> out = new ArrayList<>(node.size());
    for (JsonNode n : node) {
      out.add(element.apply(n));
    }
    return out;
  }

  private static <T> List<T> optionalList(JsonNode node, String name, Function<JsonNode, T> element) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : list(v, element);
  }

  private static byte[] leftPad32(byte[] b) {
    if (b.length >= 32) {
      return b;
    }
    byte[] out = new byte[32];
    System.arraycopy(b, 0, out, 32 - b.length, b.length);
    return out;
  }
}
