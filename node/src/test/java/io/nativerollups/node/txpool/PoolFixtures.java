package io.nativerollups.node.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;

/** What the pool tests share: a recipient, the gwei unit, and how they read a refusal or a pooled transaction. */
final class PoolFixtures {
  /** A plain account that receives the test transfers. */
  static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  static final long GWEI = 1_000_000_000L;

  private PoolFixtures() {}

  /** The message of the refusal {@code pool} must answer {@code tx} with (always JSON-RPC error -32000). */
  static String rejection(DefaultTransactionPool pool, Transaction tx) {
    return rejection(pool, tx, null);
  }

  /** The message of the refusal {@code pool} must answer {@code tx} with {@code sidecar} (null: none). */
  static String rejection(DefaultTransactionPool pool, Transaction tx, BlobSidecar sidecar) {
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class, () -> pool.add(tx, sidecar));
    assertEquals(-32000, e.code());
    return e.getMessage();
  }

  /** Whether {@code pool} holds {@code tx}. */
  static boolean pooled(DefaultTransactionPool pool, Transaction tx) {
    return pool.byHash(TransactionHasher.hash(tx)).isPresent();
  }
}
