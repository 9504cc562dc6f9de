package io.nativerollups.evmtool.statetest;

/**
 * The outcome of one case: one fork and one post index of a named test in a file.
 *
 * @param message why the case failed; null when it passed
 * @param expectedRoot the fixture's state root; null when the case could not get that far
 * @param actualRoot the root this EVM produced; null when the case could not get that far
 */
public record CaseResult(
    String file, String test, String fork, int index, String message, byte[] expectedRoot, byte[] actualRoot) {

  public boolean passed() {
    return message == null;
  }

  /** The line printed for a failing case. */
  public String failureLine() {
    return "FAIL " + file + " " + test + " " + fork + " " + index + ": " + message;
  }
}
