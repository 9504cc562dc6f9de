package io.nativerollups.node.txpool;

import static io.nativerollups.node.txpool.PoolFixtures.BOB;
import static io.nativerollups.node.txpool.PoolFixtures.GWEI;
import static io.nativerollups.node.txpool.PoolFixtures.pooled;
import static io.nativerollups.node.txpool.PoolFixtures.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.TestNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-sender and whole-pool caps, and eviction of the cheapest transaction from a full pool. */
class DefaultTransactionPoolLimitsTest {
  /** The third and fourth dev accounts of the shipped genesis. */
  private static final byte[] KEY3 = HexFormat.of().parseHex("77fc9f422b50f444d25397081b1484995774401a9535c11154882b27e22a11ec");
  private static final byte[] KEY4 = HexFormat.of().parseHex("43c115d56253f391a5463524f33595e1374c2ec4c0aa04814db1480a93927cf4");
  @RegisterExtension final TestNode node = TestNode.inMemory();

  /** A transfer paying {@code tip} gwei on a 100 gwei fee cap. */
  private static Transaction paying(byte[] key, long nonce, long tip) {
    return TestNode.eip1559(key, nonce, BOB, 1, tip * GWEI, 100 * GWEI, 21_000);
  }

  @Test
  void aSenderQueuesAtMostItsQueueSlotsBehindAGapButPendingOnesOnlyMeetTheCapacity() {
    DefaultTransactionPool pool = new DefaultTransactionPool(node.chain, new DefaultTransactionPool.Limits(10, 2, 1));
    for (long nonce = 0; nonce < 5; nonce++) {
      pool.add(paying(TestNode.KEY, nonce, 1));
    }
    pool.add(paying(TestNode.KEY, 7, 1));
    pool.add(paying(TestNode.KEY, 8, 1));
    assertEquals("account limit exceeded: 2 txs already wait behind a nonce gap; send nonce 5 first",
        rejection(pool, paying(TestNode.KEY, 9, 1)));
    Transaction replacement = TestNode.eip1559(TestNode.KEY, 8, BOB, 1, 2 * GWEI, 110 * GWEI, 21_000);
    pool.add(replacement);
    assertTrue(pooled(pool, replacement), "a replacement takes no new slot");
    pool.add(paying(TestNode.KEY, 5, 1));
    pool.add(paying(TestNode.KEY, 6, 1));
    assertTrue(pooled(pool, paying(TestNode.KEY, 6, 1)), "the gap filled: 9 pending, more than the queue slots");
    pool.add(paying(TestNode.KEY, 10, 1));
    assertEquals(10, pool.pendingCount() + pool.queuedCount());
  }

  @Test
  void aBlobSenderHasAtMostItsBlobSlots() {
    DefaultTransactionPool pool = new DefaultTransactionPool(node.chain, new DefaultTransactionPool.Limits(10, 5, 1));
    BlobSidecar sidecar = BlobTransactions.sidecar(true, 1);
    pool.add(BlobTransactions.transaction(0, sidecar, 1_000), sidecar);
    assertEquals("account limit exceeded: pooled 1 blob txs",
        rejection(pool, BlobTransactions.transaction(1, sidecar, 1_000), sidecar));
  }

  @Test
  void aFullPoolEvictsItsCheapestTransactionForABetterPayingOne() {
    DefaultTransactionPool pool = new DefaultTransactionPool(node.chain, new DefaultTransactionPool.Limits(3, 5, 5));
    Transaction cheapest = paying(TestNode.KEY, 0, 1);
    Transaction cheapestNext = paying(TestNode.KEY, 1, 9);
    pool.add(cheapest);
    pool.add(cheapestNext);
    pool.add(paying(TestNode.KEY2, 0, 2));
    assertEquals("transaction underpriced", rejection(pool, paying(KEY3, 0, 1)));
    assertEquals(3, pool.pendingCount());

    Transaction better = paying(KEY3, 0, 3);
    pool.add(better);
    assertTrue(pooled(pool, better));
    assertFalse(pooled(pool, cheapest));
    assertEquals(1, pool.queuedCount(), "the evicted transaction's successor waits for its nonce again");
    assertEquals(2, pool.pendingCount());
  }

  @Test
  void aSenderDoesNotEvictItsOwnTransactions() {
    DefaultTransactionPool pool = new DefaultTransactionPool(node.chain, new DefaultTransactionPool.Limits(2, 5, 5));
    pool.add(paying(TestNode.KEY, 0, 1));
    pool.add(paying(TestNode.KEY, 1, 1));
    assertEquals("txpool is full", rejection(pool, paying(TestNode.KEY, 2, 50)));
    pool.add(paying(KEY4, 0, 2));
    assertEquals(2, pool.pendingCount() + pool.queuedCount());
  }

  @Test
  void limitsArePositive() {
    assertThrows(IllegalArgumentException.class, () -> new DefaultTransactionPool.Limits(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new DefaultTransactionPool.Limits(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new DefaultTransactionPool.Limits(1, 1, 0));
  }
}
