package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evmtool.FixtureCommandSupport;
import io.nativerollups.evmtool.FixtureCommandSupport.SelectionOptions;
import io.nativerollups.evmtool.FixtureCommandSupport.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evmtool block-test}: imports the blocks of blockchain-test fixtures. */
@Command(
    name = "block-test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs blockchain-test fixtures (ethereum/tests BlockchainTests, execution-spec-tests blockchain_tests):"
          + " imports each test's blocks, checks that the blocks marked expectException are rejected for that"
          + " reason and the others accepted, then checks the head and the post-state.",
      "Prints one line per failing test, 'FAIL file test network: reason', then 'N passed, N failed'"
          + " (', N skipped (...)' counts, by reason, tests on networks before Cancun, which are out of scope,"
          + " and engine-API fixtures).",
      "An unreadable or malformed file is reported on stderr and the run goes on with the others.",
      "Exit status: 0 all passed, 1 a test failed, 2 bad usage or an unreadable/malformed file."
    })
public final class BlockTestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
      description = "Fixture files, or directories searched for *.json (hidden subdirectories left out).")
  private List<Path> paths;

  @Mixin private SelectionOptions selection;

  @Option(names = "--verbose", description = "Also print passing and skipped tests, and the run time.")
  private boolean verbose;

  @Option(names = "--stateless", description = "Also re-execute each accepted block from its execution witness"
      + " alone (recorded against the parent's full state); a test passes only if both runs give the header's roots.")
  private boolean stateless;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FixtureCommandSupport support = new FixtureCommandSupport("block-test", out, err);
    Pattern filter;
    List<Path> files;
    int threads;
    try {
      filter = selection.testFilter();
      files = FixtureCommandSupport.fixtureFiles(paths, BlockTestSuite::fixtureFiles);
      threads = selection.threads();
    } catch (UsageException e) {
      return support.usageError(e.getMessage());
    }
    long start = System.nanoTime();
    BlockTestSuite.Summary summary = new BlockTestSuite(filter, threads, stateless).run(files, r -> {
      switch (r.status()) {
        case FAILED -> out.println(r.failureLine());
        case PASSED -> { if (verbose) out.println("PASS " + r.file() + " " + r.test() + " " + r.network()); }
        case SKIPPED -> { if (verbose) out.println("SKIP " + r.file() + " " + r.test() + " " + r.network() + ": " + r.message()); }
      }
    }, support::badFile);
    out.println(summary.line());
    out.flush();
    if (verbose) {
      support.runTime(files.size(), start);
    }
    return FixtureCommandSupport.exitStatus(summary.failed(), summary.badFiles());
  }
}
