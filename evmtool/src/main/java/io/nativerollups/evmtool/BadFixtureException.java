package io.nativerollups.evmtool;

import java.nio.file.Path;

/** A fixture file that cannot be read as a fixture of the kind being run. */
public final class BadFixtureException extends Exception {
  public BadFixtureException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
