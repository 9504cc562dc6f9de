package io.nativerollups.acceptance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node.js and npm as the acceptance tests use them: recompiling the contracts with solc and running
 * stock JavaScript clients against a node. Tests that need them assume {@link #installed()}, so a
 * machine without Node.js reports them as skipped with the reason, as {@code bin/test} says.
 */
final class NodeJs {
  private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);

  private NodeJs() {}

  /** What a finished command printed (stdout and stderr interleaved) and its exit code. */
  record Result(List<String> command, int exitCode, String output) {
    /** The command line, its exit code and its output, for an assertion message. */
    String report() {
      return String.join(" ", command) + " exited with " + exitCode + "; its output:\n" + output;
    }
  }

  /** Whether {@code node} and {@code npm} are on the {@code PATH}. */
  static boolean installed() {
    return onPath("node") && onPath("npm");
  }

  /** Runs {@code npm ci} in {@code dir} unless {@code dir/node_modules/<probe>} is already there. */
  static void installUnlessPresent(Path dir, String probe) {
    if (Files.isDirectory(dir.resolve("node_modules").resolve(probe))) {
      return;
    }
    Result npm = run(dir, NPM_CI_TIMEOUT, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
    if (npm.exitCode() != 0) {
      throw new AssertionError("npm ci in " + dir + " failed: " + npm.report());
    }
  }

  /** Runs {@code command} in {@code dir}, killing it after {@code timeout} (exit code -1 then). */
  static Result run(Path dir, Duration timeout, List<String> command) {
    try {
      Path log = Files.createTempFile("nodejs-", ".log");
      try {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8)
            + (finished ? "" : "\n(killed after " + timeout + ")");
        return new Result(command, finished ? p.exitValue() : -1, output);
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
