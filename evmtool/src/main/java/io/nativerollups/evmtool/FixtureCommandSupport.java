package io.nativerollups.evmtool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * What the fixture-running commands ({@code state-test}, {@code block-test}) share: checking their
 * common options, error lines on stderr, the run time and the exit status.
 */
public final class FixtureCommandSupport {
  private final String command;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param command the subcommand's name, which prefixes error lines
   * @param out where results go, flushed before an error line so the two stay in order
   * @param err where error lines and the run time go
   */
  public FixtureCommandSupport(String command, PrintWriter out, PrintWriter err) {
    this.command = command;
    this.out = out;
    this.err = err;
  }

  /** The options every fixture command takes, as a picocli mixin: which tests, how many files at a time. */
  public static final class SelectionOptions {
    @Option(names = "--test", paramLabel = "REGEX", description = "Run only tests whose name contains a match.")
    private String testRegex;

    @Option(names = "--threads", paramLabel = "N", description = "Files run in parallel (default: available processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    /** The {@code --test} filter; null when no regex is given. */
    public Pattern testFilter() throws UsageException {
      try {
        return testRegex == null ? null : Pattern.compile(testRegex);
      } catch (PatternSyntaxException e) {
        throw new UsageException("bad --test regex: " + e.getDescription() + " in '" + e.getPattern() + "'");
      }
    }

    /** The {@code --threads} value, checked. */
    public int threads() throws UsageException {
      if (threads < 1) {
        throw new UsageException("--threads must be at least 1");
      }
      return threads;
    }
  }

  /** A bad option or argument, reported as one error line. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }

  /** Finds the fixture files named by the arguments. */
  @FunctionalInterface
  public interface FileFinder {
    List<Path> find(List<Path> paths) throws IOException;
  }

  /** The fixture files the finder gives for the arguments. */
  public static List<Path> fixtureFiles(List<Path> paths, FileFinder finder) throws UsageException {
    try {
      return finder.find(paths);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file or directory: " + e.getFile());
    } catch (IOException e) {
      throw new UsageException("cannot read: " + e.getMessage());
    }
  }

  /** Prints one error line on stderr; returns the usage-error exit status. */
  public int usageError(String message) {
    err.println("evmtool " + command + ": " + message);
    err.flush();
    return EvmTool.USAGE_ERROR;
  }

  /** Reports a bad fixture file on stderr, after the results printed so far. */
  public void badFile(BadFixtureException e) {
    out.flush();
    usageError(e.getMessage());
  }

  /** Prints how many files ran and how long it took since {@code startNanos}. */
  public void runTime(int files, long startNanos) {
    err.printf("%d files in %.1f s%n", files, (System.nanoTime() - startNanos) / 1e9);
  }

  /** 2 when a file was bad, else 1 when something failed, else 0. */
  public static int exitStatus(int failed, int badFiles) {
    if (badFiles > 0) {
      return EvmTool.USAGE_ERROR;
    }
    return failed > 0 ? 1 : 0;
  }
}
