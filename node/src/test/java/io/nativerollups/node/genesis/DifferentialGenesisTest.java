package io.nativerollups.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.node.chain.DefaultBlockchain;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential check of genesis handling against @ethereumjs: for the genesis files that
 * {@code difftest/generate-genesis.mjs} writes (the shipped genesis/l1-dev.json and geth-format
 * files of several fork schedules, allocs and header fields), a node opening the chain must have
 * the genesis block hash and state root that ethereumjs computed. {@code bin/test} generates them
 * when Node.js is present; without them this test is reported as skipped, with the reason.
 */
class DifferentialGenesisTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** difftest/generated-genesis above the working directory, or the {@code difftest.genesis.dir} property. */
  private static Path generatedDir() {
    String configured = System.getProperty("difftest.genesis.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("difftest/generated-genesis");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void ourGenesisBlocksEqualEthereumJs() throws Exception {
    Path dir = generatedDir();
    Assumptions.assumeTrue(dir != null,
        "difftest/generated-genesis not found: Node.js is absent or the cases were not generated, so the "
            + "genesis differential check against @ethereumjs did not run (bin/test generates them)");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode c = JSON.readTree(file.toFile());
      String name = c.get("name").asText();
      // a case read from the repository is checked against the file as it is now, so a stale expectation fails
      Genesis genesis = c.has("source")
          ? Genesis.load(dir.getParent().getParent().resolve(c.get("source").asText()))
          : Genesis.parse(JSON.writeValueAsString(c.get("genesis")));
      BlockHeader ours;
      try (InMemoryKeyValueStorage storage = new InMemoryKeyValueStorage()) {
        ours = new DefaultBlockchain(storage, genesis, new BlockProcessor(genesis.chainConfig())).head();
      }
      JsonNode expected = c.get("expected");
      String hash = "0x" + HexFormat.of().formatHex(ours.hash());
      String stateRoot = "0x" + HexFormat.of().formatHex(ours.stateRoot());
      if (!stateRoot.equals(expected.get("stateRoot").asText())) {
        failures.add(name + ": state root " + stateRoot + ", ethereumjs " + expected.get("stateRoot").asText());
      } else if (!hash.equals(expected.get("hash").asText())) {
        failures.add(name + ": block hash " + hash + ", ethereumjs " + expected.get("hash").asText() + " ("
            + expected.get("hardfork").asText() + " genesis)");
      }
    }
    assertTrue(files.size() > 0, "no genesis case in " + dir);
    assertEquals(List.of(), failures, files.size() + " genesis cases");
  }
}
