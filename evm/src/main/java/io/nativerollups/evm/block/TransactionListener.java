package io.nativerollups.evm.block;

import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tx.Transaction;

/**
 * Sees each transaction of a block as {@link BlockProcessor#execute(WorldState, Block, BlockHeaders,
 * TransactionListener)} runs it: what a block builder needs to learn which transaction a failure
 * or a decision of its own is about. Any exception it throws ends the execution.
 */
public interface TransactionListener {
  /** Called before transaction {@code index} is validated and run. */
  default void beforeTransaction(int index, Transaction tx) {}

  /** The tracer to watch transaction {@code index} with (debug_traceBlock*), or null to run it untraced. */
  default OperationTracer tracer(int index, Transaction tx) {
    return null;
  }

  /** Called after transaction {@code index} ran, with the state after it. */
  default void afterTransaction(int index, Transaction tx, TransactionResult result, WorldState world) {}
}
