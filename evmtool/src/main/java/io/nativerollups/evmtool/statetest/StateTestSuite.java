package io.nativerollups.evmtool.statetest;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evmtool.BadFixtureException;
import io.nativerollups.evmtool.FixtureFiles;
import io.nativerollups.evmtool.FixtureSuite;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the cases of many fixture files, several files at a time, and hands the results to a
 * consumer in file order (so output is the same whatever the thread count).
 */
public final class StateTestSuite {
  private final List<Fork> forks;
  private final Pattern testFilter;
  private final int threads;

  /**
   * @param forks the forks to run; a file's post entries for other forks are ignored
   * @param testFilter runs only tests whose name contains a match; null for all
   * @param threads how many files run at the same time
   */
  public StateTestSuite(List<Fork> forks, Pattern testFilter, int threads) {
    this.forks = List.copyOf(forks);
    this.testFilter = testFilter;
    this.threads = Math.max(1, threads);
  }

  /**
   * Totals of a run; {@code skipped} counts selected tests with no post entry for the forks run,
   * {@code badFiles} the files that could not be read as fixtures.
   */
  public record Summary(int passed, int failed, int skipped, int badFiles) {
    /** The closing line, e.g. {@code 10 passed, 2 failed} or {@code 10 passed, 0 failed, 3 skipped}. */
    public String line() {
      return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
  }

  /**
   * The fixture files named by the arguments, as {@link FixtureFiles#find}.
   *
   * @throws NoSuchFileException when an argument does not exist
   */
  public static List<Path> fixtureFiles(List<Path> paths) throws IOException {
    return FixtureFiles.find(paths);
  }

  /**
   * Runs every selected case of the files and passes each result to {@code results}, in file order.
   *
   * @throws BadFixtureException after the run, for the first file that was unreadable or malformed
   */
  public Summary run(List<Path> files, Consumer<CaseResult> results) throws BadFixtureException {
    return FixtureSuite.failingOnBadFile(badFiles -> run(files, results, badFiles));
  }

  /**
   * Runs every selected case of the files and passes each result to {@code results}, in file order.
   * A file that is unreadable or malformed goes to {@code badFiles} (in the same order) and the run
   * goes on with the next one.
   */
  public Summary run(List<Path> files, Consumer<CaseResult> results, Consumer<BadFixtureException> badFiles) {
    ThreadLocal<StateTestRunner> runners = ThreadLocal.withInitial(StateTestRunner::new);
    int[] passedFailedSkipped = new int[3];
    int bad = FixtureSuite.run("state-test", threads, files, file -> runFile(file, runners.get()), outcome -> {
      for (CaseResult r : outcome.results()) {
        passedFailedSkipped[r.passed() ? 0 : 1]++;
        results.accept(r);
      }
      passedFailedSkipped[2] += outcome.skipped();
    }, badFiles);
    return new Summary(passedFailedSkipped[0], passedFailedSkipped[1], passedFailedSkipped[2], bad);
  }

  private record FileOutcome(List<CaseResult> results, int skipped) {}

  private FileOutcome runFile(Path file, StateTestRunner runner) throws IOException, FixtureFormatException {
    List<CaseResult> results = new ArrayList<>();
    int skipped = 0;
    for (StateTest test : StateTestParser.parse(file)) {
      if (testFilter != null && !testFilter.matcher(test.name()).find()) {
        continue;
      }
      boolean ran = false;
      for (Fork fork : forks) {
        List<StateTest.PostState> posts = test.post().get(fork.displayName());
        if (posts == null) {
          continue;
        }
        for (int i = 0; i < posts.size(); i++) {
          results.add(runner.run(file.toString(), test, fork, i));
          ran = true;
        }
      }
      if (!ran) {
        skipped++;
      }
    }
    return new FileOutcome(results, skipped);
  }
}
