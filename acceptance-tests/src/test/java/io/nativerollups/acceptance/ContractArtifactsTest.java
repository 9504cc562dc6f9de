package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The committed contract artifacts are what solc makes of the committed sources. */
class ContractArtifactsTest {
  private static final Path SOLC_DIR = Path.of("solc").toAbsolutePath();

  @Test
  void abiDeclaresTheCallsAndEventTheTestsEncode() {
    List<String> signatures = new ArrayList<>();
    for (JsonNode entry : KeyValueStore.artifact().get("abi")) {
      List<String> types = new ArrayList<>();
      entry.path("inputs").forEach(input -> types.add(input.get("type").asText()));
      signatures.add(entry.path("type").asText() + " " + entry.path("name").asText() + "(" + String.join(",", types) + ")");
    }
    assertTrue(signatures.containsAll(List.of(
            "function set(uint256,uint256)", "function values(uint256)", "function writes()",
            "function failWith(string)", "event ValueSet(address,uint256,uint256)")),
        "ABI entries: " + signatures);
    assertTrue(KeyValueStore.bytecode().startsWith("0x60") && KeyValueStore.deployedBytecode().length() > 2);
  }

  @Test
  void committedArtifactsMatchSolcOutput() {
    Assumptions.assumeTrue(NodeJs.installed(),
        "Node.js not installed: the artifacts cannot be recompiled with solc here (they are committed)");
    NodeJs.installUnlessPresent(SOLC_DIR, "solc");
    NodeJs.Result check = NodeJs.run(SOLC_DIR, Duration.ofMinutes(5), List.of("node", "compile.mjs", "--check"));
    assertEquals(0, check.exitCode(),
        "solc output differs from the committed artifacts; run `node compile.mjs` in " + SOLC_DIR + "\n" + check.report());
  }
}
