package io.nativerollups.evmtool.blocktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evmtool.Fixtures;
import io.nativerollups.evmtool.statetest.StateTestSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests BlockchainTests (fixtures in shared/fixtures/ethereum-tests, see its README), run
 * through the same {@link BlockTestSuite} as {@code evmtool block-test}.
 */
class BlockchainTestsTest {
  @Test
  void validBlocksAllPass() throws Exception {
    Path root = Fixtures.ethereumTests().resolve("BlockchainTests/ValidBlocks");
    List<String> failures = new ArrayList<>();
    BlockTestSuite.Summary summary = new BlockTestSuite(null, Runtime.getRuntime().availableProcessors())
        .run(StateTestSuite.fixtureFiles(List.of(root)), r -> {
          if (r.status() == BlockTestResult.Status.FAILED) {
            failures.add(r.failureLine().replace(root + "/", ""));
          }
        });
    assertTrue(summary.passed() >= 442, "ValidBlocks holds 442 Cancun tests: " + summary.line());
    assertTrue(failures.isEmpty(), summary.line() + "\n" + String.join("\n", failures));
  }

  @Test
  void transitionTestsBeforeCancunAreSkippedNotFailed() throws Exception {
    Path root = Fixtures.ethereumTests().resolve("BlockchainTests/TransitionTests");
    BlockTestSuite.Summary summary = new BlockTestSuite(null, 1).run(StateTestSuite.fixtureFiles(List.of(root)), r -> {});
    assertEquals(0, summary.failed(), summary.line());
    assertTrue(summary.skipped() > 0, summary.line());
    assertTrue(summary.line().contains("skipped (networks before Cancun: "), summary.line());
  }
}
