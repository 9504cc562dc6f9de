package io.nativerollups.evmtool.statetest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential check against @ethereumjs/vm: the state tests that {@code difftest/generate.mjs}
 * writes (Prague and Osaka EIP cases and random programs, with post-states computed by ethereumjs)
 * must pass on our EVM. {@code bin/test} generates them when Node.js is present; without them this
 * test is reported as skipped, with the reason.
 */
class DifferentialFixturesTest {

  private static Path generatedDir() {
    String configured = System.getProperty("difftest.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("difftest/generated");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void ourPostStatesEqualEthereumJs() throws Exception {
    Path dir = generatedDir();
    Assumptions.assumeTrue(dir != null,
        "difftest/generated not found: Node.js is absent or the fixtures were not generated, so the "
            + "differential check against @ethereumjs/vm did not run (bin/test generates them)");
    List<Path> files = StateTestSuite.fixtureFiles(List.of(dir));
    List<String> failures = new ArrayList<>();
    StateTestSuite.Summary summary = new StateTestSuite(
            List.of(Fork.PRAGUE, Fork.OSAKA), null, Runtime.getRuntime().availableProcessors())
        .run(files, r -> {
          if (!r.passed()) {
            failures.add(r.failureLine());
          }
        });
    assertTrue(summary.passed() > 0, "no differential case ran: " + summary.line());
    assertTrue(failures.isEmpty(), summary.line() + "\n" + String.join("\n", failures));
  }
}
