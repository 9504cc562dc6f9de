package io.nativerollups.evmtool.statetest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evmtool.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests GeneralStateTests for Cancun (fixtures in shared/fixtures/ethereum-tests, see its
 * README), run through the same {@link StateTestSuite} as {@code evmtool state-test}.
 *
 * <p>The subset is the whole Cancun set: every file under GeneralStateTests, all 20,969 Cancun
 * cases (the 473 tests without a Cancun post state are skipped). Measured on the shared 2-core
 * machine while other builds ran: 4.7 minutes at load 6-9 ({@code bin/evmtool}), 6.6 minutes at load
 * 10 (this test under Maven); about 2.7 minutes of CPU, of which stTimeConsuming/CALLBlake2f_MaxRounds
 * (2^32-1 BLAKE2 rounds, about 100 s) is the longest single case.
 */
class GeneralStateTestsTest {
  private static final int MAX_LISTED = 200;

  @Test
  void cancunGeneralStateTestsPass() throws Exception {
    Path root = Fixtures.ethereumTests().resolve("GeneralStateTests");
    List<Path> files = StateTestSuite.fixtureFiles(List.of(root));
    List<String> failures = new ArrayList<>();
    StateTestSuite.Summary summary = new StateTestSuite(
            List.of(Fork.CANCUN), null, Runtime.getRuntime().availableProcessors())
        .run(files, r -> {
          if (!r.passed()) {
            failures.add(r.failureLine().replace(root + "/", ""));
          }
        }, bad -> failures.add("BAD FIXTURE " + bad.getMessage()));
    assertTrue(summary.passed() > 0, "no case ran: " + summary.line());
    assertTrue(failures.isEmpty(), summary.line() + "\n" + String.join("\n",
        failures.size() > MAX_LISTED ? failures.subList(0, MAX_LISTED) : failures)
        + (failures.size() > MAX_LISTED ? "\n... and " + (failures.size() - MAX_LISTED) + " more" : ""));
  }
}
