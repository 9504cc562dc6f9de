package io.nativerollups.evmtool.blocktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evmtool.statetest.StateTestSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential check of block processing against @ethereumjs/vm: the Prague, Osaka and
 * transition chains that {@code difftest/generate-blocks.mjs} builds must import, with the same
 * headers, roots and final state; each block is also re-executed from its recorded witness alone
 * (stateless mode), which covers the Prague and Osaka system calls that ethereum/tests lacks. {@code bin/test} generates them when Node.js is present; without
 * them this test is reported as skipped, with the reason.
 */
class DifferentialBlocksTest {

  private static Path generatedDir() {
    String configured = System.getProperty("difftest.blocks.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("difftest/generated-blocks");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void ethereumJsChainsImport() throws Exception {
    Path dir = generatedDir();
    Assumptions.assumeTrue(dir != null,
        "difftest/generated-blocks not found: Node.js is absent or the chains were not generated, so the "
            + "block differential check against @ethereumjs/vm did not run (bin/test generates them)");
    List<String> failures = new ArrayList<>();
    BlockTestSuite.Summary summary = new BlockTestSuite(null, Runtime.getRuntime().availableProcessors(), true)
        .run(StateTestSuite.fixtureFiles(List.of(dir)), r -> {
          if (r.status() != BlockTestResult.Status.PASSED) {
            failures.add(r.failureLine());
          }
        });
    assertTrue(summary.passed() > 0, "no chain ran: " + summary.line());
    assertEquals(List.of(), failures, summary.line());
  }
}
