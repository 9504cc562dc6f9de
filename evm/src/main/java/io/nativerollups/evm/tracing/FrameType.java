package io.nativerollups.evm.tracing;

/**
 * How a frame was entered: the instruction (or transaction kind) that started it. SELFDESTRUCT's
 * transfer of the balance is reported as a frame too, as geth's tracers report it.
 */
public enum FrameType {
  CALL,
  CALLCODE,
  DELEGATECALL,
  STATICCALL,
  CREATE,
  CREATE2,
  SELFDESTRUCT;

  /** True for CREATE and CREATE2. */
  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
