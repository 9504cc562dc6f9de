package io.nativerollups.node.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.LogsBloom;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A genesis file in the format geth and Besu read: {@code config} (chain id, fork times, blob
 * schedule, deposit contract, and this project's {@code nativeRollups} object, left to plugins),
 * {@code alloc}, and the genesis header fields. Only timestamp-activated forks from Cancun on are
 * supported: {@code cancunTime} must be 0 (earlier fork blocks and Shanghai must be 0 too, when given);
 * {@code pragueTime}, {@code osakaTime} and the blob-parameter-only forks {@code bpo1Time} to {@code
 * bpo5Time} (EIP-7892, each with its {@code blobSchedule} entry) follow in that order, none set
 * without the ones before it.
 */
public final class Genesis {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UInt256 DEFAULT_BASE_FEE = UInt256.valueOf(1_000_000_000L);
  private static final BlobSchedule OSAKA_DEFAULT_BLOBS = BlobSchedule.PRAGUE;
  /** The forks after Cancun a config may schedule, in the order they must activate. */
  private static final List<String> LATER_FORKS = List.of("prague", "osaka", "bpo1", "bpo2", "bpo3", "bpo4", "bpo5");

  private final JsonNode root;
  private final ChainConfig chainConfig;
  private final Map<String, Object> config;

  private Genesis(JsonNode root, ChainConfig chainConfig, Map<String, Object> config) {
    this.root = root;
    this.chainConfig = chainConfig;
    this.config = config;
  }

  /** Reads a genesis file. */
  public static Genesis load(Path file) throws InvalidGenesisException {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new InvalidGenesisException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    } catch (InvalidGenesisException e) {
      throw new InvalidGenesisException("genesis file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses genesis JSON, checking every field it uses. */
  @SuppressWarnings("unchecked")
  public static Genesis parse(String json) throws InvalidGenesisException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidGenesisException("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidGenesisException("a genesis is a JSON object");
    }
    JsonNode config = root.get("config");
    if (config == null || !config.isObject()) {
      throw new InvalidGenesisException("missing \"config\" object");
    }
    Genesis genesis = new Genesis(root, chainConfig(config), JSON.convertValue(config, Map.class));
    genesis.state(); // checks alloc
    genesis.header(Keccak256.EMPTY_TRIE_ROOT); // checks the header fields
    return genesis;
  }

  private static ChainConfig chainConfig(JsonNode config) throws InvalidGenesisException {
    long chainId = number(config, "chainId", "config.", -1);
    if (chainId <= 0) {
      throw new InvalidGenesisException("config.chainId must be a positive number");
    }
    for (String block : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
        "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock")) {
      if (number(config, block, "config.", 0) != 0) {
        throw new InvalidGenesisException("config." + block + " must be 0: only Cancun and later forks are supported");
      }
    }
    if (number(config, "shanghaiTime", "config.", 0) != 0) {
      throw new InvalidGenesisException("config.shanghaiTime must be 0: only Cancun and later forks are supported");
    }
    if (!config.has("cancunTime") || number(config, "cancunTime", "config.", -1) != 0) {
      throw new InvalidGenesisException("config.cancunTime must be 0: only Cancun and later forks are supported");
    }
    JsonNode schedule = config.path("blobSchedule");
    List<ForkActivation> forks = new ArrayList<>();
    forks.add(new ForkActivation("Cancun", Fork.CANCUN, 0, blobs(schedule, "cancun", BlobSchedule.CANCUN)));
    String previous = "cancunTime";
    String unset = null;
    for (String fork : LATER_FORKS) {
      String key = fork + "Time";
      if (!config.hasNonNull(key)) {
        unset = unset == null ? key : unset;
        continue;
      }
      if (unset != null) {
        throw new InvalidGenesisException("config." + key + " is set but config." + unset
            + " is not: forks activate in order");
      }
      long time = number(config, key, "config.", -1);
      ForkActivation last = forks.get(forks.size() - 1);
      if (time < last.timestamp()) {
        throw new InvalidGenesisException("config." + key + " (" + time + ") must not precede config." + previous
            + " (" + last.timestamp() + ")");
      }
      forks.add(switch (fork) {
        case "prague" -> new ForkActivation("Prague", Fork.PRAGUE, time, blobs(schedule, fork, BlobSchedule.PRAGUE));
        case "osaka" -> new ForkActivation("Osaka", Fork.OSAKA, time, blobs(schedule, fork, OSAKA_DEFAULT_BLOBS));
        // EIP-7892: a blob-parameter-only fork keeps the rules in force and changes only the blob schedule
        default -> new ForkActivation(fork.toUpperCase(Locale.ROOT), last.rules(), time, blobs(schedule, fork, null));
      });
      previous = key;
    }
    Address deposit = ChainConfig.MAINNET_DEPOSIT_CONTRACT;
    if (config.has("depositContractAddress")) {
      deposit = address(config.get("depositContractAddress"), "config.depositContractAddress");
    }
    return new ChainConfig(chainId, deposit, forks);
  }

  /** The fork's entry of {@code config.blobSchedule}, else {@code defaults}; required when there are none (BPO forks). */
  private static BlobSchedule blobs(JsonNode schedule, String fork, BlobSchedule defaults)
      throws InvalidGenesisException {
    JsonNode s = schedule.get(fork);
    String where = "config.blobSchedule." + fork;
    if (s == null) {
      if (defaults == null) {
        throw new InvalidGenesisException(where + " is missing: a blob-parameter-only fork needs its blob schedule");
      }
      return defaults;
    }
    if (!s.isObject()) {
      throw new InvalidGenesisException(where + " must be an object with target, max and baseFeeUpdateFraction");
    }
    try {
      return new BlobSchedule(blobCount(s, "target", where), blobCount(s, "max", where),
          number(s, "baseFeeUpdateFraction", where + ".", -1));
    } catch (IllegalArgumentException e) {
      throw new InvalidGenesisException(where + ": " + e.getMessage(), e);
    }
  }

  /** A blob count of a blob schedule entry; -1 when missing, which BlobSchedule refuses. */
  private static int blobCount(JsonNode entry, String field, String where) throws InvalidGenesisException {
    long count = number(entry, field, where + ".", -1);
    if (count > Integer.MAX_VALUE) {
      throw new InvalidGenesisException(where + "." + field + " is out of range: " + count);
    }
    return (int) count;
  }

  /** The chain id and fork schedule. */
  public ChainConfig chainConfig() {
    return chainConfig;
  }

  /** The {@code config} object as plain maps, lists, strings and numbers (plugins read their own keys). */
  public Map<String, Object> config() {
    return config;
  }

  /** A fresh state holding {@code alloc}, committed. */
  public InMemoryWorldState state() throws InvalidGenesisException {
    InMemoryWorldState world = new InMemoryWorldState();
    JsonNode alloc = root.path("alloc");
    if (!alloc.isMissingNode() && !alloc.isObject()) {
      throw new InvalidGenesisException("\"alloc\" must be an object keyed by address");
    }
    Iterator<Map.Entry<String, JsonNode>> accounts = alloc.fields();
    while (accounts.hasNext()) {
      Map.Entry<String, JsonNode> entry = accounts.next();
      String where = "alloc." + entry.getKey();
      String hex = entry.getKey().startsWith("0x") ? entry.getKey() : "0x" + entry.getKey();
      Address address = address(JSON.getNodeFactory().textNode(hex), where);
      JsonNode account = entry.getValue();
      if (!account.isObject()) {
        throw new InvalidGenesisException(where + " must be an object");
      }
      world.createAccount(address);
      world.setBalance(address, uint256(account, "balance", where));
      world.setNonce(address, number(account, "nonce", where + ".", 0));
      if (account.has("code")) {
        world.setCode(address, bytes(account.get("code"), where + ".code"));
      }
      JsonNode storage = account.path("storage");
      if (!storage.isMissingNode() && !storage.isObject()) {
        throw new InvalidGenesisException(where + ".storage must be an object of slot to value");
      }
      Iterator<Map.Entry<String, JsonNode>> slots = storage.fields();
      while (slots.hasNext()) {
        Map.Entry<String, JsonNode> slot = slots.next();
        UInt256 key = word(JSON.getNodeFactory().textNode(slot.getKey()), where + ".storage key " + slot.getKey());
        world.setStorage(address, key, word(slot.getValue(), where + ".storage." + slot.getKey()));
      }
    }
    world.commitTransaction();
    return world;
  }

  /**
   * The genesis header over a state with {@code stateRoot}, as geth builds it: the file's timestamp,
   * gas limit, extra data, coinbase, mix hash, nonce, difficulty, base fee (1 gwei when absent) and
   * excess blob gas, and the empty roots and zero parent beacon block root of a block without a
   * body, the requests hash from Prague.
   */
  public BlockHeader header(byte[] stateRoot) throws InvalidGenesisException {
    long timestamp = number(root, "timestamp", "", 0);
    Fork fork = chainConfig.forkAt(timestamp).rules();
    byte[] extraData = root.has("extraData") ? bytes(root.get("extraData"), "extraData") : new byte[0];
    if (extraData.length > 32) {
      throw new InvalidGenesisException("extraData is longer than 32 bytes");
    }
    long gasLimit = number(root, "gasLimit", "", -1);
    if (gasLimit <= 0) {
      throw new InvalidGenesisException("gasLimit must be a positive number");
    }
    return new BlockHeader(new byte[32], BlockValidator.EMPTY_OMMERS_HASH,
        root.has("coinbase") ? address(root.get("coinbase"), "coinbase") : Address.ZERO, stateRoot,
        Keccak256.EMPTY_TRIE_ROOT, Keccak256.EMPTY_TRIE_ROOT, new byte[LogsBloom.SIZE],
        root.has("difficulty") ? uint256(root, "difficulty", "") : UInt256.ZERO, 0, gasLimit, 0,
        timestamp, extraData, fixed(root, "mixHash", 32), nonce(),
        root.has("baseFeePerGas") ? uint256(root, "baseFeePerGas", "") : DEFAULT_BASE_FEE,
        Keccak256.EMPTY_TRIE_ROOT, 0L, number(root, "excessBlobGas", "", 0), new byte[32],
        fork.isAtLeast(Fork.PRAGUE) ? BlockProcessor.requestsHash(List.of()) : null);
  }

  /** The header nonce: the file's {@code nonce}, a 64-bit number (geth's {@code HexOrDecimal64}), as 8 bytes. */
  private byte[] nonce() throws InvalidGenesisException {
    JsonNode node = root.get("nonce");
    BigInteger value = node == null || node.isNull() ? BigInteger.ZERO : bigInteger(node, "nonce");
    if (value.bitLength() > 64) {
      throw new InvalidGenesisException("nonce does not fit in 64 bits: " + node);
    }
    return ByteBuffer.allocate(8).putLong(value.longValue()).array();
  }

  /**
   * A non-negative number below 2^63, as a JSON number, a "0x" hex string or a decimal string;
   * {@code absent} if missing. Errors name the field as {@code where + field}.
   */
  private static long number(JsonNode parent, String field, String where, long absent) throws InvalidGenesisException {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return absent;
    }
    BigInteger value = bigInteger(node, where + field);
    if (value.bitLength() > 63) {
      throw new InvalidGenesisException(where + field + " is out of range: " + node);
    }
    return value.longValue();
  }

  private static UInt256 uint256(JsonNode parent, String field, String where) throws InvalidGenesisException {
    JsonNode node = parent.get(field);
    String name = where.isEmpty() ? field : where + "." + field;
    if (node == null) {
      throw new InvalidGenesisException(name + " is missing");
    }
    BigInteger value = bigInteger(node, name);
    if (value.bitLength() > 256) {
      throw new InvalidGenesisException(name + " does not fit in 256 bits");
    }
    return UInt256.fromBigInteger(value);
  }

  private static BigInteger bigInteger(JsonNode node, String name) throws InvalidGenesisException {
    try {
      BigInteger value;
      if (node.isIntegralNumber()) {
        value = node.bigIntegerValue();
      } else if (node.isTextual() && node.asText().startsWith("0x")) {
        String digits = node.asText().substring(2);
        value = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
      } else if (node.isTextual()) {
        value = new BigInteger(node.asText());
      } else {
        throw new InvalidGenesisException(name + " must be a number, got " + node);
      }
      if (value.signum() < 0) {
        throw new InvalidGenesisException(name + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidGenesisException(name + " is not a number: " + node);
    }
  }

  /**
   * A storage key or value: hex of at most 32 bytes, with or without "0x", left-padded (geth's
   * {@code storageJSON}).
   */
  private static UInt256 word(JsonNode node, String name) throws InvalidGenesisException {
    String text = node.isTextual() && !node.asText().startsWith("0x") ? "0x" + node.asText() : node.asText();
    byte[] b = bytes(node.isTextual() ? JSON.getNodeFactory().textNode(text) : node, name);
    if (b.length > 32) {
      throw new InvalidGenesisException(name + " is longer than 32 bytes");
    }
    return UInt256.fromBytes(b);
  }

  private static byte[] bytes(JsonNode node, String name) throws InvalidGenesisException {
    String text = node.asText();
    if (!node.isTextual() || !text.startsWith("0x") || text.length() % 2 != 0) {
      throw new InvalidGenesisException(name + " must be an even-length 0x-prefixed hex string, got " + node);
    }
    try {
      return HexFormat.of().parseHex(text, 2, text.length());
    } catch (IllegalArgumentException e) {
      throw new InvalidGenesisException(name + " is not hex: " + node);
    }
  }

  private static byte[] fixed(JsonNode parent, String field, int size) throws InvalidGenesisException {
    if (!parent.has(field)) {
      return new byte[size];
    }
    byte[] b = bytes(parent.get(field), field);
    if (b.length != size) {
      throw new InvalidGenesisException(field + " must be " + size + " bytes");
    }
    return b;
  }

  private static Address address(JsonNode node, String name) throws InvalidGenesisException {
    byte[] b = bytes(node, name);
    if (b.length != 20) {
      throw new InvalidGenesisException(name + " is not a 20-byte address: " + node);
    }
    return Address.wrap(b);
  }
}
