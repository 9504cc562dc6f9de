package io.nativerollups.evm.rlp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the ethereum/tests fixtures: {@code shared/fixtures/ethereum-tests} in the working
 * directory or one of its ancestors (tests run from {@code <worktree>/evm}, and worktrees sit two
 * levels below the directory holding {@code shared}). The system property
 * {@code ethereum.tests.dir} overrides the search.
 */
public final class EthereumTestsFixtures {
  private static final String RELATIVE = "shared/fixtures/ethereum-tests";

  private EthereumTestsFixtures() {}

  /** The ethereum-tests root; fails (never skips) when it cannot be found. */
  public static Path root() {
    String override = System.getProperty("ethereum.tests.dir");
    if (override != null) {
      return Path.of(override);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("ethereum-tests fixtures not found: no " + RELATIVE + " above "
        + Path.of("").toAbsolutePath() + " (set -Dethereum.tests.dir)");
  }

  /** A file or directory under the fixtures root. */
  public static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
