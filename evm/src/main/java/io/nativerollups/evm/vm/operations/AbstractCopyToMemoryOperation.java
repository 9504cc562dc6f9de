package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.MessageFrame;

/**
 * The shared flow of CALLDATACOPY, CODECOPY and RETURNDATACOPY: pop (memOffset, srcOffset, size),
 * charge memory expansion and per-word copy gas, copy from a byte source into memory.
 */
abstract class AbstractCopyToMemoryOperation extends AbstractOperation {
  private final GasCalculator gasCalculator;

  protected AbstractCopyToMemoryOperation(int opcode, String name, GasCalculator gasCalculator) {
    super(opcode, name, 3, 0, gasCalculator.veryLowTierGasCost());
    this.gasCalculator = gasCalculator;
  }

  /**
   * Copies {@code source} to memory as the stack describes; the instruction-count result of
   * {@code execute}.
   *
   * @param zeroFillPastEnd true to pad reads past the end of {@code source} with zeros; false to
   *     halt on them instead (EIP-211 RETURNDATACOPY)
   */
  protected final int copyToMemory(MessageFrame frame, byte[] source, boolean zeroFillPastEnd) {
    long memOffset = frame.popClamped();
    long srcOffset = frame.popClamped();
    long size = frame.popClamped();
    if (!zeroFillPastEnd
        && (srcOffset + size > source.length || srcOffset == Long.MAX_VALUE || size == Long.MAX_VALUE)) {
      frame.halt("return data out of bounds");
      return 0;
    }
    if (!CopyCosts.charge(frame, gasCalculator, memOffset, size)) {
      return 0;
    }
    frame.writeMemory(memOffset, source, srcOffset, size);
    return 1;
  }
}
