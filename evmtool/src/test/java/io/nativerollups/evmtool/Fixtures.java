package io.nativerollups.evmtool;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared conformance fixtures: the {@code ethereum.tests.dir} system property if set,
 * else {@code shared/fixtures/ethereum-tests} in the working directory or one of its parents (CI
 * has {@code shared/} beside the checkout; a git worktree may sit deeper).
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path ethereumTests() {
    String configured = System.getProperty("ethereum.tests.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/fixtures/ethereum-tests");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("ethereum/tests fixtures not found: no shared/fixtures/ethereum-tests in "
        + Path.of("").toAbsolutePath() + " or its parents; set -Dethereum.tests.dir");
  }
}
