package io.nativerollups.node.mining;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.Transaction;
import java.util.List;

/**
 * Builds a block on a stored parent: system operations, then transactions (from the pool, best
 * effective tip first, or a given list), withdrawals and requests, and the header that results.
 * The block is not imported; callers import it (dev mode) or hand it out (engine_getPayload).
 */
public interface BlockBuilder {
  /**
   * Builds a block.
   *
   * @param txs the transactions to include in this order, skipping invalid ones; null to take
   *     them from the pool
   * @throws IllegalArgumentException when the parent's state is not stored or the attributes are invalid
   *     (timestamp not after the parent's)
   */
  Block build(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs);

  /**
   * Builds a block and the outcome callers report with it (engine_getPayload's blockValue and
   * executionRequests).
   */
  BuiltPayload buildPayload(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs);
}
