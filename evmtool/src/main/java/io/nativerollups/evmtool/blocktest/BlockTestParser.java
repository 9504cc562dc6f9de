package io.nativerollups.evmtool.blocktest;

import static io.nativerollups.evmtool.FixtureJson.field;
import static io.nativerollups.evmtool.FixtureJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evmtool.FixtureFiles;
import io.nativerollups.evmtool.statetest.FixtureFormatException;
import io.nativerollups.evmtool.statetest.Hex;
import io.nativerollups.evmtool.statetest.StateTestParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads blockchain-test fixture files. ethereum/tests and execution-spec-tests share the shape;
 * the latter adds {@code config} (chain id and blob schedule). Only what import needs is read: the
 * blocks' {@code rlp}, not their decoded JSON. Engine-API fixtures ({@code engineNewPayloads}
 * instead of {@code blocks}) are read as unsupported tests.
 */
public final class BlockTestParser {
  private static final long DEFAULT_CHAIN_ID = 1;

  private BlockTestParser() {}

  /** All tests of one file, in file order. */
  public static List<BlockTest> parse(Path file) throws IOException, FixtureFormatException {
    return FixtureFiles.parseTests(file, "blockchain-test", BlockTestParser::parseTest);
  }

  private static BlockTest parseTest(String name, JsonNode test) {
    JsonNode config = test.get("config");
    long chainId = DEFAULT_CHAIN_ID;
    Map<String, BlobSchedule> blobSchedule = new LinkedHashMap<>();
    if (config != null && config.isObject()) {
      JsonNode id = config.has("chainid") ? config.get("chainid") : config.get("chainId");
      if (id != null) {
        chainId = u64(id, "config.chainid");
      }
      JsonNode schedule = config.get("blobSchedule");
      if (schedule != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schedule.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode s = e.getValue();
          blobSchedule.put(e.getKey(), new BlobSchedule(
              (int) u64(field(s, "target"), "target"),
              (int) u64(field(s, "max"), "max"),
              u64(field(s, "baseFeeUpdateFraction"), "baseFeeUpdateFraction")));
        }
      }
    }
    String network = text(field(test, "network"), "network");
    if (!test.has("blocks") && test.has("engineNewPayloads")) {
      return new BlockTest(name, network, chainId, blobSchedule, Map.of(), new byte[0], List.of(), null, null,
          new byte[0], BlockTest.ENGINE_FORMAT);
    }
    List<BlockTest.TestBlock> blocks = new ArrayList<>();
    JsonNode blockList = field(test, "blocks");
    if (!blockList.isArray()) {
      throw new IllegalArgumentException("'blocks' must be an array");
    }
    for (JsonNode b : blockList) {
      JsonNode exception = b.get("expectException");
      blocks.add(new BlockTest.TestBlock(
          Hex.bytes(text(field(b, "rlp"), "rlp")),
          exception == null || exception.isNull() ? null : exception.asText()));
    }
    JsonNode post = test.get("postState");
    JsonNode postHash = test.get("postStateHash");
    if ((post == null || post.isNull()) && (postHash == null || postHash.isNull())) {
      throw new IllegalArgumentException("neither 'postState' nor 'postStateHash'");
    }
    return new BlockTest(
        name,
        network,
        chainId,
        blobSchedule,
        StateTestParser.parsePre(field(test, "pre")),
        Hex.bytes(text(field(test, "genesisRLP"), "genesisRLP")),
        blocks,
        post == null || post.isNull() ? null : StateTestParser.parsePre(post),
        post == null || post.isNull() ? Hex.bytes(text(postHash, "postStateHash")) : null,
        Hex.bytes(text(field(test, "lastblockhash"), "lastblockhash")),
        null);
  }

  private static long u64(JsonNode node, String what) {
    BigInteger v = node.isIntegralNumber() ? node.bigIntegerValue() : Hex.integer(text(node, what));
    if (v.signum() < 0 || v.bitLength() > 63) {
      throw new IllegalArgumentException(what + " out of range: " + node);
    }
    return v.longValue();
  }
}
