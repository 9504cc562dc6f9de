package io.nativerollups.node.txpool;

import static io.nativerollups.node.txpool.PoolFixtures.BOB;
import static io.nativerollups.node.txpool.PoolFixtures.GWEI;
import static io.nativerollups.node.txpool.PoolFixtures.rejection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefaultTransactionPoolTest {
  @RegisterExtension final TestNode node = TestNode.inMemory();

  private static Transaction.Builder base(long nonce) {
    return Transaction.builder(TransactionType.EIP1559).chainId(UInt256.valueOf(TestNode.CHAIN_ID)).nonce(nonce)
        .gasLimit(21_000).to(BOB).value(UInt256.ONE).maxPriorityFeePerGas(UInt256.valueOf(GWEI))
        .maxFeePerGas(UInt256.valueOf(10 * GWEI)).data(new byte[0]).accessList(List.of());
  }

  private static Transaction signed(Transaction.Builder b) {
    return TransactionSigner.sign(b.build(), TestNode.KEY);
  }

  @Test
  void acceptedTransactionIsPendingAndFoundByHash() {
    Transaction tx = signed(base(0));
    assertArrayEquals(TransactionHasher.hash(tx), node.pool.add(tx));
    assertEquals(1, node.pool.pendingCount());
    assertEquals(0, node.pool.queuedCount());
    assertEquals(1, node.pool.nextNonce(TestNode.SENDER));
    assertTrue(node.pool.byHash(TransactionHasher.hash(tx)).isPresent());
    assertEquals("already known", rejection(node.pool, tx));
  }

  @Test
  void invalidSender() {
    assertEquals("invalid sender", rejection(node.pool, signed(base(0)).withSender(null)));
  }

  @Test
  void wrongChainId() {
    assertTrue(rejection(node.pool, signed(base(0).chainId(UInt256.valueOf(1)))).startsWith("invalid chain id"));
  }

  @Test
  void oversizedData() {
    Transaction big = signed(base(0).data(new byte[DefaultTransactionPool.MAX_TRANSACTION_SIZE]).gasLimit(16_000_000));
    assertTrue(rejection(node.pool, big).startsWith("oversized data"));
  }

  @Test
  void intrinsicGasTooLow() {
    assertTrue(rejection(node.pool, signed(base(0).gasLimit(20_999))).startsWith("intrinsic gas too low"));
  }

  @Test
  void gasLimitAboveTheEip7825Cap() {
    assertTrue(rejection(node.pool, signed(base(0).gasLimit(16_777_217))).startsWith("transaction gas limit too high"));
  }

  @Test
  void tipAboveFeeCap() {
    assertEquals("max priority fee per gas higher than max fee per gas",
        rejection(node.pool, signed(base(0).maxPriorityFeePerGas(UInt256.valueOf(11 * GWEI)))));
  }

  @Test
  void feeCapBelowBaseFee() {
    Transaction cheap = signed(base(0).maxFeePerGas(UInt256.valueOf(GWEI / 2)).maxPriorityFeePerGas(UInt256.ONE));
    assertTrue(rejection(node.pool, cheap).startsWith("max fee per gas less than block base fee"));
  }

  @Test
  void nonceTooLow() {
    node.pool.add(signed(base(0)));
    node.seal();
    assertTrue(rejection(node.pool, signed(base(0))).startsWith("nonce too low"));
  }

  @Test
  void insufficientFunds() {
    byte[] poorKey = HexFormat.of().parseHex("11".repeat(32));
    Transaction tx = TransactionSigner.sign(base(0).build(), poorKey);
    assertTrue(rejection(node.pool, tx).startsWith("insufficient funds for gas * price + value"));
    assertEquals(Secp256k1.addressOf(poorKey), tx.sender());
  }

  @Test
  void replacementNeedsBothFeesBumpedByTenPercent() {
    node.pool.add(signed(base(0)));
    Transaction tooLittle = signed(base(0).value(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(11 * GWEI - 1))
        .maxPriorityFeePerGas(UInt256.valueOf(2 * GWEI)));
    assertEquals("replacement transaction underpriced", rejection(node.pool, tooLittle));
    Transaction bumped = signed(base(0).value(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(11 * GWEI))
        .maxPriorityFeePerGas(UInt256.valueOf(11 * GWEI / 10)));
    node.pool.add(bumped);
    assertEquals(1, node.pool.pendingCount());
    assertTrue(node.pool.byHash(TransactionHasher.hash(bumped)).isPresent());
  }

  @Test
  void nonceGapIsQueuedUntilFilled() {
    node.pool.add(signed(base(1)));
    assertEquals(0, node.pool.pendingCount());
    assertEquals(1, node.pool.queuedCount());
    assertEquals(0, node.pool.nextNonce(TestNode.SENDER));
    assertEquals(0, node.seal().transactions().size(), "a queued transaction is not built");
    node.pool.add(signed(base(0)));
    assertEquals(2, node.pool.pendingCount());
    assertEquals(2, node.seal().transactions().size());
    assertEquals(0, node.pool.pendingCount() + node.pool.queuedCount(), "included transactions leave the pool");
  }

  @Test
  void candidatesAreOrderedByEffectiveTipKeepingEachSendersNonceOrder() {
    Transaction low = signed(base(0).maxPriorityFeePerGas(UInt256.valueOf(1)));
    Transaction lowNext = signed(base(1).maxPriorityFeePerGas(UInt256.valueOf(9 * GWEI)));
    Transaction high = TransactionSigner.sign(base(0).maxPriorityFeePerGas(UInt256.valueOf(3 * GWEI)).build(), TestNode.KEY2);
    node.pool.add(lowNext);
    node.pool.add(low);
    node.pool.add(high);
    List<Transaction> order = node.pool.candidates(UInt256.valueOf(GWEI));
    assertEquals(List.of(high, low, lowNext), order);
  }
}
