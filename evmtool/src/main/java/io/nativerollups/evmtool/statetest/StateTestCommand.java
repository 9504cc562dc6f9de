package io.nativerollups.evmtool.statetest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.fork.Fork;
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

  @Option(names = "--test", paramLabel = "REGEX", description = "Run only tests whose name contains a match.")
  private String testRegex;

  @Option(names = "--json", description = "Print one JSON object per case on stdout (the summary goes to stderr).")
  private boolean json;

  @Option(names = "--verbose", description = "Also print passing cases, and the run time.")
  private boolean verbose;

  @Option(names = "--threads", paramLabel = "N", description = "Files run in parallel (default: available processors).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Fork> forks;
    Pattern filter;
    List<Path> files;
    try {
      forks = fork == null ? List.of(Fork.values()) : List.of(Fork.fromName(fork));
      filter = testRegex == null ? null : Pattern.compile(testRegex);
      files = StateTestSuite.fixtureFiles(paths);
    } catch (PatternSyntaxException e) {
      return error(err, "bad --test regex: " + e.getDescription() + " in '" + e.getPattern() + "'");
    } catch (IllegalArgumentException e) { // unknown fork
      return error(err, e.getMessage());
    } catch (NoSuchFileException e) {
      return error(err, "no such file or directory: " + e.getFile());
    } catch (IOException e) {
      return error(err, "cannot read: " + e.getMessage());
    }
    if (threads < 1) {
      return error(err, "--threads must be at least 1");
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
    }, bad -> {
      out.flush();
      error(err, bad.getMessage());
    });
    out.flush();
    (json ? err : out).println(summary.line());
    if (verbose) {
      err.printf("%d files in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
    }
    if (summary.badFiles() > 0) {
      return EvmTool.USAGE_ERROR;
    }
    return summary.failed() > 0 ? 1 : 0;
  }

  /** Prints one error line on stderr; returns the usage-error exit status. */
  private static int error(PrintWriter err, String message) {
    err.println("evmtool state-test: " + message);
    err.flush();
    return EvmTool.USAGE_ERROR;
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
