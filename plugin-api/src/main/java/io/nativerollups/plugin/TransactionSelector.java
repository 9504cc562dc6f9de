package io.nativerollups.plugin;

import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tx.Transaction;

/**
 * Consulted by the block builder after each transaction it executed: a transaction postponed is
 * left out of this block (the builder re-executes the block without it and the sender's later
 * transactions) and stays in the pool for a later block.
 */
public interface TransactionSelector {
  /**
   * @param result what the transaction did
   * @param stateAfter the block's state after it (read only: changes are not kept)
   * @return true to leave {@code tx} for a later block
   */
  boolean postpone(Transaction tx, TransactionResult result, WorldState stateAfter);
}
