package io.nativerollups.acceptance;

import java.nio.file.Path;

/** Where the build put things; failsafe passes them as system properties (see the module's pom). */
final class Paths {
  private Paths() {}

  /** The repository root. */
  static Path repoRoot() {
    return Path.of(System.getProperty("acceptance.repo.root", "..")).toAbsolutePath().normalize();
  }

  /** {@code node/target}, holding the packaged node jar and its {@code lib/}. */
  static Path nodeTarget() {
    return Path.of(System.getProperty("acceptance.node.target", repoRoot().resolve("node/target").toString()))
        .toAbsolutePath().normalize();
  }

  /** Data directories and logs of the nodes these tests start. */
  static Path workDir() {
    return Path.of(System.getProperty("acceptance.work.dir", "target/acceptance")).toAbsolutePath().normalize();
  }

  /** The L1 devnet genesis with the dev accounts. */
  static Path devGenesis() {
    return repoRoot().resolve("genesis/l1-dev.json");
  }
}
