package io.nativerollups.node.txpool;

import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Transactions waiting for a block: checked on entry against the head state, pending when their
 * nonce follows the sender's account (or its earlier pending transactions), queued while a gap
 * remains.
 */
public interface TransactionPool {
  /**
   * Adds a decoded transaction whose sender is recovered.
   *
   * @return the transaction hash
   * @throws TransactionRejectedException with the JSON-RPC code and the message geth uses
   */
  byte[] add(Transaction tx);

  /**
   * Adds a transaction in its network form: a blob transaction with its sidecar, which the pool
   * verifies and keeps; null for other types.
   *
   * @return the transaction hash
   * @throws TransactionRejectedException as {@link #add(Transaction)}, or for a sidecar that does not verify
   */
  byte[] add(Transaction tx, BlobSidecar sidecar);

  /** The sidecar of a pooled blob transaction. */
  Optional<BlobSidecar> sidecar(byte[] hash);

  /** A blob of a pooled blob transaction by its versioned hash (engine_getBlobs), while any pooled transaction carries it. */
  Optional<PooledBlob> blob(byte[] versionedHash);

  /** Transactions ready for the next block. */
  int pendingCount();

  /** Transactions waiting for a nonce gap to fill. */
  int queuedCount();

  /** A pooled transaction (pending or queued). */
  Optional<Transaction> byHash(byte[] hash);

  /**
   * The pooled transactions by sender (in address order), each sender's in nonce order.
   *
   * @param pending the transactions ready for the next blocks: consecutive from the sender's account nonce
   * @param queued the ones after a nonce gap
   */
  record Content(SortedMap<Address, List<Transaction>> pending, SortedMap<Address, List<Transaction>> queued) {}

  /** All pooled transactions. */
  Content content();

  /** The pooled transactions of {@code sender} (both maps empty or holding only that sender). */
  Content content(Address sender);

  /** The nonce {@code sender}'s next transaction takes: account nonce plus consecutive pending ones. */
  long nextNonce(Address sender);

  /** Calls {@code listener} with each transaction the pool accepts, replacements included. */
  void addListener(Consumer<Transaction> listener);
}
