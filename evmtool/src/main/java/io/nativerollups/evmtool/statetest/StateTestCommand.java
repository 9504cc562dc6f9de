package io.nativerollups.evmtool.statetest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.fork.Fork;
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

/** {@code evmtool state-test}: runs GeneralStateTests / execution-spec-tests state fixtures. */
@Command(
    name = "state-test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs state-test fixtures (ethereum/tests GeneralStateTests, execution-spec-tests state_tests).",
      "Prints one line per failing case, 'FAIL file test fork index: reason', then 'N passed, N failed'"
          + " (', N skipped' counts selected tests without a post state for the forks run).",
      "An unreadable or malformed file is reported on stderr and the run goes on with the others.",
      "Exit status: 0 all passed, 1 a case failed, 2 bad usage or an unreadable/malformed file."
    })
public final class StateTestCommand implements Callable<Integer> {
  private static final int PROGRESS_EVERY = 1000;

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Fixture files, or directories searched for *.json.")
  private List<Path> paths;

  @Option(names = "--fork", paramLabel = "NAME",
      description = "Run only this fork (Cancun, Prague, Osaka). Default: each of them present in a file.")
  private String fork;

  @Mixin private SelectionOptions selection;

  @Option(names = "--json", description = "Print one JSON object per case on stdout (the summary goes to stderr).")
  private boolean json;

  @Option(names = "--verbose", description = "Also print passing cases, and the run time.")
  private boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FixtureCommandSupport support = new FixtureCommandSupport("state-test", out, err);
    List<Fork> forks;
    Pattern filter;
    List<Path> files;
    int threads;
    try {
      forks = forks();
      filter = selection.testFilter();
      files = FixtureCommandSupport.fixtureFiles(paths, StateTestSuite::fixtureFiles);
      threads = selection.threads();
    } catch (UsageException e) {
      return support.usageError(e.getMessage());
    }

    long start = System.nanoTime();
    ObjectMapper mapper = new ObjectMapper();
    int[] count = {0};
    StateTestSuite.Summary summary = new StateTestSuite(forks, filter, threads).run(files, r -> {
      if (json) {
        out.println(toJson(mapper, r));
      } else if (!r.passed()) {
        out.println(r.failureLine());
      } else if (verbose) {
        out.println("PASS " + r.file() + " " + r.test() + " " + r.fork() + " " + r.index());
      }
      if (++count[0] % PROGRESS_EVERY == 0 && files.size() > 1) {
        out.flush();
        err.println("progress: " + count[0] + " cases");
        err.flush();
      }
    }, support::badFile);
    out.flush();
    (json ? err : out).println(summary.line());
    if (verbose) {
      support.runTime(files.size(), start);
    }
    return FixtureCommandSupport.exitStatus(summary.failed(), summary.badFiles());
  }

  private List<Fork> forks() throws UsageException {
    try {
      return fork == null ? List.of(Fork.values()) : List.of(Fork.fromName(fork));
    } catch (IllegalArgumentException e) { // unknown fork
      throw new UsageException(e.getMessage());
    }
  }

  private static String toJson(ObjectMapper mapper, CaseResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("file", r.file());
    o.put("test", r.test());
    o.put("fork", r.fork());
    o.put("index", r.index());
    o.put("pass", r.passed());
    if (!r.passed()) {
      o.put("error", r.message());
    }
    o.put("expectedRoot", Hex.format(r.expectedRoot()));
    if (r.actualRoot() != null) {
      o.put("actualRoot", Hex.format(r.actualRoot()));
    }
    return o.toString();
  }
}
