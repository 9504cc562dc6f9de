package io.nativerollups.evm.vm;

/** Where a {@link MessageFrame} stands. */
public enum FrameState {
  RUNNING,
  /** STOP, RETURN or SELFDESTRUCT: state changes are kept. */
  SUCCESS,
  /** REVERT: state changes are undone, remaining gas is returned. */
  REVERTED,
  /** An exceptional halt: state changes are undone and all gas of the frame is consumed. */
  EXCEPTIONAL_HALT
}
