package io.nativerollups.evm.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.EthereumTestsFixtures;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Decodes every block of ethereum/tests BlockchainTests that the fixtures mark valid (blocks with
 * {@code expectException} are meant to be rejected for reasons beyond this layer and are left out)
 * and recomputes from its RLP what needs only RLP and the trie: the header hash, the ommers hash,
 * the transactions root and the withdrawals root. The receipts root needs execution and is not
 * checked here.
 */
class BlockRootsFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BLOCK_TRANSACTIONS = 1;
  private static final int BLOCK_OMMERS = 2;
  private static final int BLOCK_WITHDRAWALS = 3;

  @TestFactory
  Stream<DynamicTest> validBlocksHaveTheirHeadersRoots() throws IOException {
    Path dir = EthereumTestsFixtures.resolve("BlockchainTests");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() > 200, "expected the BlockchainTests fixtures, found " + files.size() + " files");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      String name = dir.relativize(file).toString();
      tests.add(DynamicTest.dynamicTest(name, () -> checkFile(JSON.readTree(file.toFile()))));
    }
    return tests.stream();
  }

  private static void checkFile(JsonNode file) {
    file.fields().forEachRemaining(entry -> {
      JsonNode test = entry.getValue();
      checkHeaderHash(entry.getKey() + " genesis", hex(test.get("genesisRLP").asText()),
          test.get("genesisBlockHeader"));
      for (JsonNode block : test.get("blocks")) {
        if (!block.has("expectException")) {
          checkBlock(entry.getKey() + " block " + block.path("blocknumber").asText(), block);
        }
      }
    });
  }

  private static void checkBlock(String where, JsonNode block) {
    byte[] rlp = hex(block.get("rlp").asText());
    JsonNode header = block.get("blockHeader");
    List<RlpItem> parts = checkHeaderHash(where, rlp, header);

    List<byte[]> transactions = new ArrayList<>();
    for (RlpItem tx : parts.get(BLOCK_TRANSACTIONS).items()) {
      // legacy transactions are embedded lists; typed ones are byte strings holding the envelope
      transactions.add(tx.isList() ? tx.encoded() : tx.bytes());
    }
    assertEquals(header.get("transactionsTrie").asText(), hexOf(MerklePatriciaTrie.orderedRoot(transactions)),
        where + " transactions root");
    assertEquals(header.get("uncleHash").asText(), hexOf(Keccak256.hash(parts.get(BLOCK_OMMERS).encoded())),
        where + " ommers hash");
    if (header.has("withdrawalsRoot")) {
      List<byte[]> withdrawals = new ArrayList<>();
      parts.get(BLOCK_WITHDRAWALS).items().forEach(w -> withdrawals.add(w.encoded()));
      assertEquals(header.get("withdrawalsRoot").asText(), hexOf(MerklePatriciaTrie.orderedRoot(withdrawals)),
          where + " withdrawals root");
    }
  }

  /** Decodes a block, checks keccak(rlp(header)) against the fixture's hash and returns the block's parts. */
  private static List<RlpItem> checkHeaderHash(String where, byte[] blockRlp, JsonNode header) {
    List<RlpItem> parts = Rlp.decode(blockRlp).items();
    assertEquals(header.get("hash").asText(), hexOf(Keccak256.hash(parts.get(0).encoded())), where + " header hash");
    return parts;
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.startsWith("0x") ? s.substring(2) : s);
  }

  private static String hexOf(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
