package io.nativerollups.evm.vm;

/**
 * One EVM instruction. The interpreter checks the stack bounds and charges {@link #staticGas()}
 * before calling {@link #execute}; the operation charges any dynamic gas itself.
 */
public interface Operation {

  int opcode();

  String name();

  /** Words taken from the stack. */
  int stackInputs();

  /** Words pushed onto the stack. */
  int stackOutputs();

  /** Gas charged before execution. */
  long staticGas();

  /**
   * Runs the instruction on {@code frame}. Returns how far to advance the program counter (0 when
   * the operation set it itself or halted the frame).
   */
  int execute(MessageFrame frame);
}
