package io.nativerollups.evmtool.blocktest;

/**
 * The outcome of one blockchain test.
 *
 * @param status whether it passed, failed or was skipped
 * @param message why it failed or was skipped; null when it passed
 */
public record BlockTestResult(String file, String test, String network, Status status, String message) {
  /** How a test ended. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /** The line printed for a failing test. */
  public String failureLine() {
    return "FAIL " + file + " " + test + " " + network + ": " + message;
  }
}
