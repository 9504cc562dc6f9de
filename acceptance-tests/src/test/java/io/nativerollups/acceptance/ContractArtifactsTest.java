package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  void committedArtifactsMatchSolcOutput() throws Exception {
    Assumptions.assumeTrue(onPath("node") && onPath("npm"),
        "Node.js not installed: the artifacts cannot be recompiled with solc here (they are committed)");
    if (!Files.isDirectory(SOLC_DIR.resolve("node_modules/solc"))) {
      assertEquals(0, run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), "npm ci in " + SOLC_DIR);
    }
    assertEquals(0, run("node", "compile.mjs", "--check"),
        "solc output differs from the committed artifacts; run `node compile.mjs` in " + SOLC_DIR);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("solc-", ".log");
    Process p = new ProcessBuilder(command).directory(SOLC_DIR.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
    }
    System.err.print(Files.readString(log));
    return p.exitValue();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
