package io.nativerollups.node.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.TestNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dev-mode blocks with blob transactions (the dev chain is on Osaka: 9 blobs per block at most). */
class DefaultBlockBuilderBlobTest {
  @RegisterExtension final TestNode node = TestNode.inMemory();

  @Test
  void devBlockIncludesABlobTransactionAndCountsItsBlobGas() {
    BlobSidecar sidecar = BlobTransactions.sidecar(true, 1, 2);
    Transaction tx = BlobTransactions.transaction(0, sidecar, 1_000);
    node.pool.add(tx, sidecar);
    Block block = node.seal();
    assertEquals(1, block.transactions().size());
    assertArrayEquals(TransactionEncoder.encode(tx), TransactionEncoder.encode(block.transactions().get(0)),
        "the block carries the canonical form");
    assertEquals(2 * BlobSchedule.GAS_PER_BLOB, block.header().blobGasUsed());
    assertArrayEquals(block.header().hash(), node.chain.head().hash());
    assertEquals(0, node.pool.pendingCount());
    assertEquals(true, node.pool.sidecar(TransactionHasher.hash(tx)).isEmpty(), "the sidecar leaves with the transaction");
  }

  @Test
  void blobTransactionsBeyondTheBlocksBlobGasWaitForTheNextBlock() {
    BlobSidecar six = BlobTransactions.sidecar(true, 1, 2, 3, 4, 5, 6);
    BlobSidecar four = BlobTransactions.sidecar(true, 7, 8, 9, 10);
    node.pool.add(BlobTransactions.transaction(0, six, 1_000), six);
    node.pool.add(BlobTransactions.transaction(1, four, 1_000), four);
    BuiltPayload first = node.builder.buildPayload(node.chain.head(),
        new PayloadAttributes(node.chain.head().timestamp() + 12, new byte[32], TestNode.COINBASE,
            List.of(), new byte[32]), null);
    assertEquals(1, first.block().transactions().size());
    assertEquals(6 * BlobSchedule.GAS_PER_BLOB, first.block().header().blobGasUsed());
    assertEquals(List.of(six), first.sidecars());
    Block sealed = node.seal();
    assertEquals(1, sealed.transactions().size());
    assertEquals(1, node.pool.pendingCount(), "the second blob transaction stays pooled");
    Block next = node.seal();
    assertEquals(1, next.transactions().size());
    assertEquals(4 * BlobSchedule.GAS_PER_BLOB, next.header().blobGasUsed());
  }
}
