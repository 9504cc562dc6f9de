package io.nativerollups.evmtool;

import io.nativerollups.evmtool.statetest.FixtureFormatException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs fixture files several at a time and hands each file's outcome on in file order, so output
 * is the same whatever the thread count. What a file's outcome is, and how it is counted, is up to
 * the caller.
 */
public final class FixtureSuite {
  private FixtureSuite() {}

  /** Runs one fixture file. */
  @FunctionalInterface
  public interface FileRunner<O> {
    O run(Path file) throws IOException, FixtureFormatException;
  }

  /**
   * Runs every file and passes its outcome to {@code outcomes}, in file order. A file that is
   * unreadable or malformed goes to {@code badFiles} (in the same order) and the run goes on with
   * the next one.
   *
   * @param threadName the name of the worker threads
   * @param threads how many files run at the same time (at least 1)
   * @return how many files were bad
   */
  public static <O> int run(String threadName, int threads, List<Path> files, FileRunner<O> runner,
      Consumer<O> outcomes, Consumer<BadFixtureException> badFiles) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
      Thread t = new Thread(null, r, threadName, 64L << 20); // deep EVM call chains need a big stack
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<O>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(pool.submit(() -> runner.run(file)));
      }
      int bad = 0;
      for (int i = 0; i < files.size(); i++) {
        O outcome;
        try {
          outcome = await(pending.get(i), files.get(i));
        } catch (BadFixtureException e) {
          bad++;
          badFiles.accept(e);
          continue;
        }
        outcomes.accept(outcome);
      }
      return bad;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Does a run that reports bad files to the consumer it is given, then throws for the first bad
   * file, if any.
   */
  public static <S> S failingOnBadFile(Function<Consumer<BadFixtureException>, S> run) throws BadFixtureException {
    List<BadFixtureException> bad = new ArrayList<>();
    S summary = run.apply(bad::add);
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return summary;
  }

  private static <O> O await(Future<O> future, Path file) throws BadFixtureException {
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
