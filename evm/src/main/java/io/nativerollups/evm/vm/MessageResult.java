package io.nativerollups.evm.vm;

/** How a message call or creation ended: its final state, the gas it left and its output. */
public record MessageResult(FrameState state, long gasRemaining, byte[] output, String haltReason) {

  public boolean isSuccess() {
    return state == FrameState.SUCCESS;
  }
}
