package io.nativerollups.node.txpool;

import static io.nativerollups.node.txpool.PoolFixtures.rejection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.chain.ImportResult;
import io.nativerollups.node.mining.PayloadAttributes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Blob transactions on the dev chain (Osaka from genesis, so sidecars carry EIP-7594 cell proofs). */
class DefaultTransactionPoolBlobTest {
  private static BlobSidecar cellSidecar;
  @RegisterExtension final TestNode node = TestNode.inMemory();

  @BeforeAll
  static void sidecars() {
    cellSidecar = BlobTransactions.sidecar(true, 1);
  }

  @Test
  void validBlobTransactionIsPooledWithItsSidecar() {
    Transaction tx = BlobTransactions.transaction(0, cellSidecar, 1_000);
    assertArrayEquals(TransactionHasher.hash(tx), node.pool.add(tx, cellSidecar));
    assertEquals(1, node.pool.pendingCount());
    assertSame(cellSidecar, node.pool.sidecar(TransactionHasher.hash(tx)).orElseThrow());
  }

  @Test
  void tamperedProofIsRejected() {
    List<byte[]> proofs = new ArrayList<>(cellSidecar.proofs());
    proofs.set(0, cellSidecar.proofs().get(1));
    BlobSidecar tampered = new BlobSidecar(cellSidecar.blobs(), cellSidecar.commitments(), proofs, true);
    String message = rejection(node.pool, BlobTransactions.transaction(0, cellSidecar, 1_000), tampered);
    assertTrue(message.startsWith("invalid blob sidecar: KZG proofs do not verify"), message);
  }

  @Test
  void commitmentNotMatchingTheVersionedHashIsRejected() {
    BlobSidecar other = BlobTransactions.sidecar(false, 2);
    BlobSidecar tampered = new BlobSidecar(cellSidecar.blobs(), other.commitments(), cellSidecar.proofs(), true);
    String message = rejection(node.pool, BlobTransactions.transaction(0, cellSidecar, 1_000), tampered);
    assertEquals("invalid blob sidecar: KZG commitment 0 does not match blob versioned hash 0", message);
  }

  @Test
  void blobFeeCapBelowTheBlobBaseFeeIsRejected() {
    String message = rejection(node.pool, BlobTransactions.transaction(0, cellSidecar, 0), cellSidecar);
    assertTrue(message.startsWith("max fee per blob gas less than block blob gas fee"), message);
    assertTrue(message.endsWith("blobGasFeeCap: 0, blobBaseFee: 1"), message);
  }

  @Test
  void blobTransactionWithoutSidecarIsRejected() {
    String message = rejection(node.pool, BlobTransactions.transaction(0, cellSidecar, 1_000), null);
    assertTrue(message.startsWith("blob transaction without its sidecar"), message);
    assertThrows(TransactionRejectedException.class, () -> node.pool.add(BlobTransactions.transaction(0, cellSidecar, 1_000)));
  }

  @Test
  void osakaRejectsTheOneProofPerBlobForm() {
    BlobSidecar v0 = BlobTransactions.sidecar(false, 1);
    String message = rejection(node.pool, BlobTransactions.transaction(0, v0, 1_000), v0);
    assertTrue(message.contains("from Osaka it must be the version-1 form with cell proofs"), message);
  }

  @Test
  void sidecarOnANonBlobTransactionIsRejected() {
    String message = rejection(node.pool, TestNode.transfer(0, BlobTransactions.TO, 1), cellSidecar);
    assertEquals("only blob transactions carry a blob sidecar", message);
  }

  @Test
  void replacingABlobTransactionNeedsAllThreeFeeCapsDoubled() {
    Transaction original = BlobTransactions.transaction(0, cellSidecar, 1_000);
    node.pool.add(original, cellSidecar);
    Transaction.Builder doubled = original.toBuilder().maxFeePerGas(UInt256.valueOf(20_000_000_000L))
        .maxPriorityFeePerGas(UInt256.valueOf(4)).maxFeePerBlobGas(UInt256.valueOf(2_000));
    for (Transaction.Builder short1 : List.of(
        original.toBuilder().maxFeePerGas(UInt256.valueOf(20_000_000_000L)).maxPriorityFeePerGas(UInt256.valueOf(4))
            .maxFeePerBlobGas(UInt256.valueOf(1_999)),
        original.toBuilder().maxFeePerGas(UInt256.valueOf(19_999_999_999L)).maxPriorityFeePerGas(UInt256.valueOf(4))
            .maxFeePerBlobGas(UInt256.valueOf(2_000)),
        original.toBuilder().maxFeePerGas(UInt256.valueOf(20_000_000_000L)).maxPriorityFeePerGas(UInt256.valueOf(3))
            .maxFeePerBlobGas(UInt256.valueOf(2_000)))) {
      assertEquals("replacement transaction underpriced",
          rejection(node.pool, TransactionSigner.sign(short1.build(), TestNode.KEY), cellSidecar));
    }
    Transaction bumped = TransactionSigner.sign(doubled.build(), TestNode.KEY);
    node.pool.add(bumped, cellSidecar);
    assertTrue(node.pool.sidecar(TransactionHasher.hash(original)).isEmpty());
    assertSame(cellSidecar, node.pool.sidecar(TransactionHasher.hash(bumped)).orElseThrow());
    assertEquals(1, node.pool.pendingCount());
  }

  @Test
  void aBlobSenderCannotSendOtherTransactionsAndTheOtherWayRound() {
    node.pool.add(BlobTransactions.transaction(0, cellSidecar, 1_000), cellSidecar);
    assertEquals("address already reserved", assertThrows(TransactionRejectedException.class,
        () -> node.pool.add(TestNode.transfer(1, BlobTransactions.TO, 1))).getMessage());
    assertEquals("address already reserved", assertThrows(TransactionRejectedException.class,
        () -> node.pool.add(TestNode.transfer(0, BlobTransactions.TO, 1))).getMessage());

    node.seal();
    node.pool.add(TestNode.transfer(1, BlobTransactions.TO, 1));
    assertEquals("address already reserved", rejection(node.pool, BlobTransactions.transaction(2, cellSidecar, 1_000), cellSidecar));
  }

  @Test
  void blobTransactionsMayNotLeaveANonceGap() {
    assertEquals("nonce too high: tx nonce 1, gapped nonce 0",
        rejection(node.pool, BlobTransactions.transaction(1, cellSidecar, 1_000), cellSidecar));
    node.pool.add(BlobTransactions.transaction(0, cellSidecar, 1_000), cellSidecar);
    assertEquals("nonce too high: tx nonce 2, gapped nonce 1",
        rejection(node.pool, BlobTransactions.transaction(2, cellSidecar, 1_000), cellSidecar));
    node.pool.add(BlobTransactions.transaction(1, cellSidecar, 1_000), cellSidecar);
    assertEquals(2, node.pool.pendingCount());
  }

  @Test
  void blobGasCountsTowardsTheCost() {
    // 8e18 wei per blob gas for one blob: 1.05e24 wei, more than the 1e24 the dev account holds
    Transaction tx = BlobTransactions.transaction(0, cellSidecar, 8_000_000_000_000_000_000L);
    String message = rejection(node.pool, tx, cellSidecar);
    assertTrue(message.startsWith("insufficient funds for gas * price + value: address " + TestNode.SENDER
        + " have 1000000000000000000000000 want " + DefaultTransactionPool.cost(tx)), message);
    assertEquals(new BigInteger("1048576000000000000000000").add(BigInteger.valueOf(21_000 * 10_000_000_000L)),
        DefaultTransactionPool.cost(tx));
  }

  @Test
  void removingABlobTransactionTakesTheSendersLaterOnesAlong() {
    Transaction zero = BlobTransactions.transaction(0, cellSidecar, 1_000);
    Transaction one = BlobTransactions.transaction(1, cellSidecar, 1_000);
    Transaction two = BlobTransactions.transaction(2, cellSidecar, 1_000);
    node.pool.add(zero, cellSidecar);
    node.pool.add(one, cellSidecar);
    node.pool.add(two, cellSidecar);
    node.pool.remove(one);
    assertEquals(Map.of(TestNode.SENDER, List.of(zero)), node.pool.content().pending());
    assertEquals(Map.of(), node.pool.content().queued());
    assertTrue(node.pool.sidecar(TransactionHasher.hash(two)).isEmpty());
  }

  @Test
  void aBlobTransactionTheNewHeadMakesUnaffordableTakesTheLaterOnesAlong() {
    Transaction zero = BlobTransactions.transaction(0, cellSidecar, 1_000);
    // about 5e23 wei of blob gas, half of what the sender holds
    Transaction expensive = BlobTransactions.transaction(1, cellSidecar, 3_800_000_000_000_000_000L);
    Transaction cheapAfter = BlobTransactions.transaction(2, cellSidecar, 1_000);
    node.pool.add(zero, cellSidecar);
    node.pool.add(expensive, cellSidecar);
    node.pool.add(cheapAfter, cellSidecar);
    // a block from elsewhere takes nonce 0 with a transfer of 6e23 wei
    Transaction spender = TransactionSigner.sign(TestNode.transfer(0, BlobTransactions.TO, 0).toBuilder()
        .value(UInt256.fromBigInteger(BigInteger.valueOf(6).multiply(BigInteger.TEN.pow(23)))).build(), TestNode.KEY);
    BlockHeader parent = node.chain.head();
    Block block = node.builder.build(parent, new PayloadAttributes(parent.timestamp() + 1, new byte[32],
        TestNode.COINBASE, List.of(), new byte[32]), List.of(spender));
    assertEquals(ImportResult.Status.VALID, node.chain.importBlock(block).status());
    node.chain.setHead(block.header().hash());
    node.pool.onNewHead();
    assertEquals(0, node.pool.pendingCount() + node.pool.queuedCount(),
        "nonce 0 is taken, nonce 1 unaffordable, and nonce 2 would wait behind it");
    assertTrue(node.pool.sidecar(TransactionHasher.hash(cheapAfter)).isEmpty());
  }

  @Test
  void aPooledBlobIsFoundByVersionedHashWhileATransactionCarriesIt() {
    BlobSidecar two = BlobTransactions.sidecar(true, 2, 3);
    Transaction first = BlobTransactions.transaction(0, cellSidecar, 1_000);
    Transaction second = BlobTransactions.transaction(1, two, 1_000);
    Transaction third = BlobTransactions.transaction(2, cellSidecar, 1_000);
    node.pool.add(first, cellSidecar);
    node.pool.add(second, two);
    node.pool.add(third, cellSidecar);
    PooledBlob blob = node.pool.blob(second.blobVersionedHashes().get(1)).orElseThrow();
    assertArrayEquals(two.blobs().get(1), blob.blob());
    assertArrayEquals(two.commitments().get(1), blob.commitment());
    assertEquals(two.proofs().subList(BlobSidecar.CELLS_PER_EXT_BLOB, 2 * BlobSidecar.CELLS_PER_EXT_BLOB), blob.proofs());
    assertTrue(blob.cellProofs());
    node.pool.remove(third);
    assertArrayEquals(cellSidecar.blobs().get(0), node.pool.blob(first.blobVersionedHashes().get(0)).orElseThrow().blob(),
        "the first transaction still carries the blob");
    node.pool.remove(first);
    node.pool.remove(second);
    assertTrue(node.pool.blob(first.blobVersionedHashes().get(0)).isEmpty());
    assertTrue(node.pool.blob(second.blobVersionedHashes().get(0)).isEmpty());
  }

  @Test
  void sidecarLeavesWithItsTransaction() {
    Transaction tx = BlobTransactions.transaction(0, cellSidecar, 1_000);
    node.pool.add(tx, cellSidecar);
    node.pool.remove(tx);
    assertTrue(node.pool.sidecar(TransactionHasher.hash(tx)).isEmpty());
  }
}
