package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evmtool.BadFixtureException;
import io.nativerollups.evmtool.FixtureFiles;
import io.nativerollups.evmtool.FixtureSuite;
import io.nativerollups.evmtool.statetest.FixtureFormatException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the blockchain tests of many fixture files, several files at a time, and hands the results
 * to a consumer in file order.
 */
public final class BlockTestSuite {
  private final Pattern testFilter;
  private final int threads;
  private final boolean stateless;

  /**
   * @param testFilter runs only tests whose name contains a match; null for all
   * @param threads how many files run at the same time
   */
  public BlockTestSuite(Pattern testFilter, int threads) {
    this(testFilter, threads, false);
  }

  /**
   * @param testFilter runs only tests whose name contains a match; null for all
   * @param threads how many files run at the same time
   * @param stateless also re-execute every accepted block from its recorded witness alone
   */
  public BlockTestSuite(Pattern testFilter, int threads, boolean stateless) {
    this.testFilter = testFilter;
    this.threads = Math.max(1, threads);
    this.stateless = stateless;
  }

  /**
   * Totals of a run.
   *
   * @param skippedByReason skipped tests by why (networks before Cancun, engine-API fixtures)
   * @param badFiles files that could not be read as fixtures
   */
  public record Summary(int passed, int failed, Map<String, Integer> skippedByReason, int badFiles) {
    public int skipped() {
      return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The closing line, e.g. {@code 10 passed, 2 failed} or {@code 10 passed, 0 failed, 3 skipped
     * (networks before Cancun: 3)}.
     */
    public String line() {
      if (skippedByReason.isEmpty()) {
        return passed + " passed, " + failed + " failed";
      }
      StringJoiner reasons = new StringJoiner(", ", " (", ")");
      skippedByReason.forEach((reason, count) -> reasons.add(reason + ": " + count));
      return passed + " passed, " + failed + " failed, " + skipped() + " skipped" + reasons;
    }
  }

  /**
   * The fixture files named by the arguments, as {@link FixtureFiles#find}, leaving out
   * files in hidden directories below a directory argument (a fixture release's {@code .meta/}).
   *
   * @throws NoSuchFileException when an argument does not exist
   */
  public static List<Path> fixtureFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      for (Path f : FixtureFiles.find(List.of(p))) {
        if (f.equals(p) || !isHidden(p.relativize(f))) {
          files.add(f);
        }
      }
    }
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs every selected test of the files and passes each result to {@code results}, in file order.
   *
   * @throws BadFixtureException after the run, for the first file that was unreadable or malformed
   */
  public Summary run(List<Path> files, Consumer<BlockTestResult> results) throws BadFixtureException {
    return FixtureSuite.failingOnBadFile(badFiles -> run(files, results, badFiles));
  }

  /**
   * Runs every selected test of the files and passes each result to {@code results}, in file order.
   * A file that is unreadable or malformed goes to {@code badFiles} (in the same order) and the run
   * goes on with the next one.
   */
  public Summary run(List<Path> files, Consumer<BlockTestResult> results, Consumer<BadFixtureException> badFiles) {
    int[] passedFailed = new int[2];
    Map<String, Integer> skipped = new TreeMap<>();
    int bad = FixtureSuite.run("block-test", threads, files, this::runFile, fileResults -> {
      for (BlockTestResult r : fileResults) {
        switch (r.status()) {
          case PASSED -> passedFailed[0]++;
          case FAILED -> passedFailed[1]++;
          case SKIPPED -> skipped.merge(r.message(), 1, Integer::sum);
        }
        results.accept(r);
      }
    }, badFiles);
    return new Summary(passedFailed[0], passedFailed[1], skipped, bad);
  }

  private List<BlockTestResult> runFile(Path file) throws IOException, FixtureFormatException {
    BlockTestRunner runner = new BlockTestRunner(stateless);
    List<BlockTestResult> results = new ArrayList<>();
    for (BlockTest test : BlockTestParser.parse(file)) {
      if (testFilter == null || testFilter.matcher(test.name()).find()) {
        results.add(runner.run(file.toString(), test));
      }
    }
    return results;
  }
}
