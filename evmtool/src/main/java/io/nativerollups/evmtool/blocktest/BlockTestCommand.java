package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evmtool.EvmTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
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

  @Option(names = "--test", paramLabel = "REGEX", description = "Run only tests whose name contains a match.")
  private String testRegex;

  @Option(names = "--verbose", description = "Also print passing and skipped tests, and the run time.")
  private boolean verbose;

  @Option(names = "--stateless", description = "Also re-execute each accepted block from its execution witness"
      + " alone (recorded against the parent's full state); a test passes only if both runs give the header's roots.")
  private boolean stateless;

  @Option(names = "--threads", paramLabel = "N", description = "Files run in parallel (default: available processors).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pattern filter;
    List<Path> files;
    try {
      filter = testRegex == null ? null : Pattern.compile(testRegex);
      files = BlockTestSuite.fixtureFiles(paths);
    } catch (PatternSyntaxException e) {
      return usageError(err, "bad --test regex: " + e.getDescription() + " in '" + e.getPattern() + "'");
    } catch (NoSuchFileException e) {
      return usageError(err, "no such file or directory: " + e.getFile());
    } catch (IOException e) {
      return usageError(err, "cannot read: " + e.getMessage());
    }
    if (threads < 1) {
      return usageError(err, "--threads must be at least 1");
    }
    long start = System.nanoTime();
    BlockTestSuite.Summary summary = new BlockTestSuite(filter, threads, stateless).run(files, r -> {
      switch (r.status()) {
        case FAILED -> out.println(r.failureLine());
        case PASSED -> { if (verbose) out.println("PASS " + r.file() + " " + r.test() + " " + r.network()); }
        case SKIPPED -> { if (verbose) out.println("SKIP " + r.file() + " " + r.test() + " " + r.network() + ": " + r.message()); }
      }
    }, bad -> {
      out.flush();
      usageError(err, bad.getMessage());
    });
    out.println(summary.line());
    out.flush();
    if (verbose) {
      err.printf("%d files in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
    }
    if (summary.badFiles() > 0) {
      return EvmTool.USAGE_ERROR;
    }
    return summary.failed() > 0 ? 1 : 0;
  }

  private static int usageError(PrintWriter err, String message) {
    err.println("evmtool block-test: " + message);
    err.flush();
    return EvmTool.USAGE_ERROR;
  }
}
