package io.nativerollups.evmtool.statetest;

import io.nativerollups.evm.fork.Fork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  /** A file that cannot be read as a state-test fixture. */
  public static final class BadFixtureException extends Exception {
    public BadFixtureException(Path file, String problem, Throwable cause) {
      super(file + ": " + problem, cause);
    }
  }

  /**
   * The fixture files named by the arguments: files as given, directories searched recursively for
   * {@code *.json}, in sorted order.
   *
   * @throws NoSuchFileException when an argument does not exist
   */
  public static List<Path> fixtureFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new NoSuchFileException(p.toString(), null, "no such file or directory");
      }
    }
    return files;
  }

  /**
   * Runs every selected case of the files and passes each result to {@code results}, in file order.
   *
   * @throws BadFixtureException after the run, for the first file that was unreadable or malformed
   */
  public Summary run(List<Path> files, Consumer<CaseResult> results) throws BadFixtureException {
    List<BadFixtureException> bad = new ArrayList<>();
    Summary summary = run(files, results, bad::add);
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return summary;
  }

  /**
   * Runs every selected case of the files and passes each result to {@code results}, in file order.
   * A file that is unreadable or malformed goes to {@code badFiles} (in the same order) and the run
   * goes on with the next one.
   */
  public Summary run(List<Path> files, Consumer<CaseResult> results, Consumer<BadFixtureException> badFiles) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
      Thread t = new Thread(null, r, "state-test", 64L << 20); // deep EVM call chains need a big stack
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<StateTestRunner> runners = ThreadLocal.withInitial(StateTestRunner::new);
    try {
      List<Future<FileOutcome>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(pool.submit(() -> runFile(file, runners.get())));
      }
      int passed = 0;
      int failed = 0;
      int skipped = 0;
      int bad = 0;
      for (int i = 0; i < files.size(); i++) {
        FileOutcome outcome;
        try {
          outcome = await(pending.get(i), files.get(i));
        } catch (BadFixtureException e) {
          bad++;
          badFiles.accept(e);
          continue;
        }
        for (CaseResult r : outcome.results()) {
          if (r.passed()) {
            passed++;
          } else {
            failed++;
          }
          results.accept(r);
        }
        skipped += outcome.skipped();
      }
      return new Summary(passed, failed, skipped, bad);
    } finally {
      pool.shutdownNow();
    }
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

  private static FileOutcome await(Future<FileOutcome> future, Path file) throws BadFixtureException {
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
