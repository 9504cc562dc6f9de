package io.nativerollups.evm.block;

/** A block that breaks a consensus rule; {@link #error()} names the rule, the message says how. */
public final class InvalidBlockException extends Exception {
  private final BlockError error;

  public InvalidBlockException(BlockError error, String detail) {
    super(error.fixtureName() + ": " + detail);
    this.error = error;
  }

  public InvalidBlockException(BlockError error, String detail, Throwable cause) {
    super(error.fixtureName() + ": " + detail, cause);
    this.error = error;
  }

  /** The rule the block breaks. */
  public BlockError error() {
    return error;
  }
}
