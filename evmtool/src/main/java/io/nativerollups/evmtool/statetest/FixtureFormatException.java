package io.nativerollups.evmtool.statetest;

/** A fixture file that is not valid JSON or lacks what a state test needs. */
public final class FixtureFormatException extends Exception {
  public FixtureFormatException(String message) {
    super(message);
  }

  public FixtureFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
