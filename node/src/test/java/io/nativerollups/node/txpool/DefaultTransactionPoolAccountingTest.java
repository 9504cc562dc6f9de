package io.nativerollups.node.txpool;

import static io.nativerollups.node.txpool.PoolFixtures.BOB;
import static io.nativerollups.node.txpool.PoolFixtures.GWEI;
import static io.nativerollups.node.txpool.PoolFixtures.pooled;
import static io.nativerollups.node.txpool.PoolFixtures.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.chain.ImportResult;
import io.nativerollups.node.mining.PayloadAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sender's balance against the cost of all its pooled transactions, on entry and again when the
 * head moves. The sender is funded with {@link #FUNDS} wei; a plain transfer of 1 wei at a 10 gwei
 * fee cap may cost {@link #TRANSFER_COST}.
 */
class DefaultTransactionPoolAccountingTest {
  private static final byte[] KEY = HexFormat.of().parseHex("22".repeat(32));
  private static final Address SENDER = Secp256k1.addressOf(KEY);
  private static final long FUNDS = 700_000_000_000_000L;
  private static final long TRANSFER_COST = 21_000 * 10 * GWEI + 1;
  @RegisterExtension final TestNode node = TestNode.inMemory();

  @BeforeEach
  void fund() throws Exception {
    node.pool.add(TestNode.transfer(0, SENDER, FUNDS));
    node.seal();
    assertEquals(FUNDS, node.chain.stateAt(node.chain.head().hash()).getBalance(SENDER).toLong());
  }

  private static Transaction transfer(long nonce, long value) {
    return TestNode.eip1559(KEY, nonce, BOB, value, GWEI, 10 * GWEI, 21_000);
  }

  @Test
  void balanceMustCoverAllPooledTransactionsTogether() {
    node.pool.add(transfer(0, 1));
    node.pool.add(transfer(1, 1));
    node.pool.add(transfer(2, 1));
    assertEquals("insufficient funds for gas * price + value: address " + SENDER + " have " + FUNDS + " want "
        + 4 * TRANSFER_COST, rejection(node.pool, transfer(3, 1)));
    assertEquals(3, node.pool.pendingCount());
  }

  @Test
  void queuedTransactionsCountToo() {
    node.pool.add(transfer(0, 1));
    node.pool.add(transfer(2, 1));
    node.pool.add(transfer(5, 1));
    assertEquals(2, node.pool.queuedCount());
    assertTrue(rejection(node.pool, transfer(1, 1)).startsWith("insufficient funds for gas * price + value"));
  }

  @Test
  void replacementIsChargedInsteadOfTheTransactionItReplaces() {
    node.pool.add(transfer(0, 1));
    node.pool.add(transfer(1, 1));
    Transaction bumped = TestNode.eip1559(KEY, 1, BOB, 1, 2 * GWEI, 11 * GWEI, 21_000);
    node.pool.add(bumped);
    long headroom = FUNDS - TRANSFER_COST - (21_000 * 11 * GWEI + 1);
    node.pool.add(transfer(2, headroom - 21_000 * 10 * GWEI));
    Transaction costlier = TestNode.eip1559(KEY, 1, BOB, 2, 4 * GWEI, 22 * GWEI, 21_000);
    assertEquals("insufficient funds for gas * price + value: address " + SENDER + " have " + FUNDS + " want "
        + (FUNDS - (21_000 * 11 * GWEI + 1) + 21_000 * 22 * GWEI + 2), rejection(node.pool, costlier));
    assertTrue(pooled(node.pool, bumped));
  }

  @Test
  void newHeadDropsIncludedAndNoLongerAffordableTransactionsAndPromotesTheRest() {
    Transaction pooledZero = transfer(0, 1);
    Transaction one = transfer(1, 1);
    Transaction two = transfer(2, 1);
    node.pool.add(pooledZero);
    node.pool.add(one);
    node.pool.add(two);
    // Another transaction of nonce 0 spends most of the balance in a block built around the pool.
    Transaction spender = transfer(0, FUNDS - 2 * TRANSFER_COST);
    importBlock(spender);
    node.pool.onNewHead();

    assertFalse(pooled(node.pool, pooledZero), "a transaction whose nonce the head passed leaves");
    assertTrue(pooled(node.pool, one), "the first one the balance still covers stays");
    assertFalse(pooled(node.pool, two), "the one the balance no longer covers together with the first leaves");
    TransactionPool.Content content = node.pool.content();
    assertEquals(Map.of(SENDER, List.of(one)), content.pending());
    assertEquals(Map.of(), content.queued());
  }

  @Test
  void aDroppedTransactionLeavesTheOnesAfterItQueuedUntilItsNonceIsSentAgain() {
    Transaction zero = transfer(0, 1);
    Transaction one = transfer(1, 1);
    Transaction two = transfer(2, 1);
    node.pool.add(zero);
    node.pool.add(one);
    node.pool.add(two);
    node.pool.remove(one);
    node.pool.onNewHead();
    assertEquals(Map.of(SENDER, List.of(zero)), node.pool.content().pending());
    assertEquals(Map.of(SENDER, List.of(two)), node.pool.content().queued());
    node.pool.add(one);
    assertEquals(Map.of(SENDER, List.of(zero, one, two)), node.pool.content().pending());
    assertEquals(Map.of(), node.pool.content(SENDER).queued());
  }

  @Test
  void contentOfOneSender() {
    Transaction mine = transfer(0, 1);
    Transaction other = TestNode.transfer(1, BOB, 1);
    node.pool.add(mine);
    node.pool.add(other);
    assertEquals(Map.of(SENDER, List.of(mine), TestNode.SENDER, List.of(other)), node.pool.content().pending());
    assertEquals(Map.of(TestNode.SENDER, List.of(other)), node.pool.content(TestNode.SENDER).pending());
    assertEquals(new TransactionPool.Content(new TreeMap<>(), new TreeMap<>()),
        node.pool.content(BOB));
  }

  /** Builds a block on the head with exactly {@code txs}, imports it and makes it the head. */
  private Block importBlock(Transaction... txs) {
    BlockHeader parent = node.chain.head();
    Block block = node.builder.build(parent, new PayloadAttributes(parent.timestamp() + 1, new byte[32],
        TestNode.COINBASE, List.of(), new byte[32]), List.of(txs));
    assertEquals(ImportResult.Status.VALID, node.chain.importBlock(block).status());
    node.chain.setHead(block.header().hash());
    return block;
  }
}
