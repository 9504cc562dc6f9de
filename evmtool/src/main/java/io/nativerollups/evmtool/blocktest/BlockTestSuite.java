package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evmtool.statetest.FixtureFormatException;
import io.nativerollups.evmtool.statetest.StateTestSuite;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** A file that cannot be read as a blockchain-test fixture. */
  public static final class BadFixtureException extends Exception {
    public BadFixtureException(Path file, String problem, Throwable cause) {
      super(file + ": " + problem, cause);
    }
  }

  /**
   * The fixture files named by the arguments, as {@link StateTestSuite#fixtureFiles}, leaving out
   * files in hidden directories below a directory argument (a fixture release's {@code .meta/}).
   *
   * @throws NoSuchFileException when an argument does not exist
   */
  public static List<Path> fixtureFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      for (Path f : StateTestSuite.fixtureFiles(List.of(p))) {
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
    List<BadFixtureException> bad = new ArrayList<>();
    Summary summary = run(files, results, bad::add);
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return summary;
  }

  /**
   * Runs every selected test of the files and passes each result to {@code results}, in file order.
   * A file that is unreadable or malformed goes to {@code badFiles} (in the same order) and the run
   * goes on with the next one.
   */
  public Summary run(List<Path> files, Consumer<BlockTestResult> results, Consumer<BadFixtureException> badFiles) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
      Thread t = new Thread(null, r, "block-test", 64L << 20); // deep EVM call chains need a big stack
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<BlockTestResult>>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(pool.submit(() -> runFile(file)));
      }
      int passed = 0;
      int failed = 0;
      Map<String, Integer> skipped = new TreeMap<>();
      int bad = 0;
      for (int i = 0; i < files.size(); i++) {
        List<BlockTestResult> fileResults;
        try {
          fileResults = await(pending.get(i), files.get(i));
        } catch (BadFixtureException e) {
          bad++;
          badFiles.accept(e);
          continue;
        }
        for (BlockTestResult r : fileResults) {
          switch (r.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skipped.merge(r.message(), 1, Integer::sum);
          }
          results.accept(r);
        }
      }
      return new Summary(passed, failed, skipped, bad);
    } finally {
      pool.shutdownNow();
    }
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

  private static List<BlockTestResult> await(Future<List<BlockTestResult>> future, Path file) throws BadFixtureException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadFixtureException(file, "interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof NoSuchFileException) {
        throw new BadFixtureException(file, "no such file", cause);
      }
      if (cause instanceof IOException io) {
        throw new BadFixtureException(file, "cannot read: " + io.getMessage(), cause);
      }
      if (cause instanceof FixtureFormatException f) {
        throw new BadFixtureException(file, f.getMessage(), cause);
      }
      throw new BadFixtureException(file, "unexpected error: " + cause, cause);
    }
  }
}
