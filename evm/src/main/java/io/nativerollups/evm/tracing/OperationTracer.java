package io.nativerollups.evm.tracing;

import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.Log;

/**
 * Watches a transaction execute, instruction by instruction and frame by frame (debug_trace*,
 * EIP-3155 traces). Set one on the {@link io.nativerollups.evm.vm.ExecutionContext}; with none set
 * the interpreter runs its untraced loop and none of these methods is called.
 *
 * <p>Order of calls: {@link #onTransactionStart}, then for the top-level frame and every nested
 * one {@link #onFrameEnter}, its steps ({@link #onStepStart}, for SLOAD and SSTORE {@link
 * #onStorageAccess}, then {@link #onStepEnd}; a CALL or CREATE step's nested frames come between
 * its start and its end) and {@link #onFrameExit}; finally {@link #onTransactionEnd}. Depths count
 * from 0 for the top-level frame. The {@link FrameView} passed to the step methods is only valid
 * during the call.
 */
public interface OperationTracer {

  /**
   * After a transaction passed validation, before it buys its gas, in {@code block}: {@code state}
   * is the state before it, and stays readable (changing) while the transaction runs.
   */
  default void onTransactionStart(Transaction tx, BlockContext block, StateView state) {}

  /**
   * After the transaction, with its receipt-level outcome (gas used after refunds) and the state
   * after it (fees paid).
   */
  default void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {}

  /**
   * A frame starts, including one that runs no code (a precompile, an account without code) and
   * one refused before it could run (depth limit, insufficient balance, address collision), which
   * exits at once.
   *
   * @param to the callee, the code's owner for DELEGATECALL and CALLCODE, the new address for a creation
   * @param value the value sent (the inherited call value for DELEGATECALL)
   * @param input call data, or the initcode of a creation
   * @param gas the gas the frame is given, the stipend included
   */
  default void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
      long gas) {}

  /**
   * A frame ended.
   *
   * @param output RETURN or REVERT data (the deployed code of a successful creation)
   * @param gasUsed the gas given minus the gas left
   * @param state SUCCESS, REVERTED or EXCEPTIONAL_HALT
   * @param error why it failed: "execution reverted" or the halt's reason; null on success
   */
  default void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {}

  /** Before an instruction runs: {@code frame} shows the stack, memory and gas before it. */
  default void onStepStart(int pc, int opcode, long gas, FrameView frame) {}

  /**
   * An SLOAD or SSTORE is about to run in the account {@code frame.address()}: the slot and the
   * value it reads (the current value) or writes.
   */
  default void onStorageAccess(UInt256 key, UInt256 value, boolean write, FrameView frame) {}

  /** A LOG instruction emitted {@code log} (it is dropped again if its frame or an outer one fails). */
  default void onLog(Log log) {}

  /**
   * After an instruction ran (or failed): {@code frame} shows the state after it.
   *
   * @param gasCost what the instruction cost; for a call, the gas it passed on included (stipend
   *     excluded), as geth counts it; for an instruction that halted, what it charged before
   *     failing plus, when it ran out of gas, the charge it could not pay
   * @param error the halt's reason when the instruction halted the frame, else null
   */
  default void onStepEnd(int pc, int opcode, long gasBefore, long gasCost, String error, FrameView frame) {}
}
