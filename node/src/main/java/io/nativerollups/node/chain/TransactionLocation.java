package io.nativerollups.node.chain;

import io.nativerollups.evm.tx.Transaction;

/**
 * Where a transaction of the canonical chain was included.
 *
 * @param index its position in the block
 */
public record TransactionLocation(byte[] blockHash, long blockNumber, int index, Transaction transaction) {}
