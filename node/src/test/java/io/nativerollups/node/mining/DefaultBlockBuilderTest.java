package io.nativerollups.node.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.chain.ImportResult;
import io.nativerollups.node.plugin.PluginRegistry;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultBlockBuilderTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");

  private static PayloadAttributes attrs(BlockHeader parent, List<Withdrawal> withdrawals) {
    return new PayloadAttributes(parent.timestamp() + 12, new byte[32], TestNode.COINBASE, withdrawals, new byte[32]);
  }

  @Test
  void builtBlockImportsOnASecondNodeAndCarriesWithdrawalsAndTheBlockValue() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage());
        TestNode other = new TestNode(new InMemoryKeyValueStorage())) {
      node.pool.add(TestNode.transfer(0, ALICE, 5));
      BlockHeader parent = node.chain.head();
      BuiltPayload built = node.builder.buildPayload(parent, attrs(parent, List.of(new Withdrawal(0, 1, BOB, 3))), null);
      assertEquals(1, built.block().transactions().size());
      assertEquals(UInt256.valueOf(2 * 21_000), built.blockValue(), "tip of 2 wei per gas");
      assertEquals(List.of(), built.executionRequests());
      assertEquals(ImportResult.Status.VALID, other.chain.importBlock(built.block()).status());
      other.chain.setHead(built.block().header().hash());
      assertEquals(UInt256.valueOf(3_000_000_000L), other.chain.stateAt(other.chain.head().hash()).getBalance(BOB));
    }
  }

  @Test
  void invalidTransactionsAreLeftOutWithTheSendersLaterOnes() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      BlockHeader parent = node.chain.head();
      Transaction good = TestNode.transfer(0, ALICE, 1);
      Transaction gap = TestNode.transfer(5, ALICE, 1);
      Transaction afterGap = TestNode.transfer(6, ALICE, 1);
      Block block = node.builder.build(parent, attrs(parent, List.of()), List.of(good, gap, afterGap));
      assertEquals(List.of(good), block.transactions());
      assertEquals(ImportResult.Status.VALID, node.chain.importBlock(block).status());
    }
  }

  @Test
  void aPoolTransactionInvalidOnTheHeadLeavesThePool() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      UInt256 mostOfTheBalance = UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(23).multiply(java.math.BigInteger.valueOf(9)));
      Transaction second = big(1, mostOfTheBalance);
      node.pool.add(second);
      // a block from elsewhere spends most of the balance; the pool has not re-validated yet
      BlockHeader parent = node.chain.head();
      Block spending = node.builder.build(parent, attrs(parent, List.of()), List.of(big(0, mostOfTheBalance)));
      assertEquals(ImportResult.Status.VALID, node.chain.importBlock(spending).status());
      node.chain.setHead(spending.header().hash());
      BlockHeader head = node.chain.head();
      assertEquals(List.of(), node.builder.build(head, attrs(head, List.of()), null).transactions());
      assertTrue(node.pool.byHash(TransactionHasher.hash(second)).isEmpty(), "it can never pay: dropped");
    }
  }

  private static Transaction big(long nonce, UInt256 value) {
    return io.nativerollups.evm.tx.TransactionSigner.sign(Transaction.builder(io.nativerollups.evm.tx.TransactionType.EIP1559)
        .chainId(UInt256.valueOf(TestNode.CHAIN_ID)).nonce(nonce).gasLimit(21_000).to(ALICE).value(value)
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(10_000_000_000L)).data(new byte[0])
        .accessList(List.of()).build(), TestNode.KEY);
  }

  @Test
  void aSelectorPostponesATransactionWhichStaysInThePool() throws Exception {
    PluginRegistry registry = new PluginRegistry(TestNode.genesis().config(), TestNode.CHAIN_ID);
    registry.addTransactionSelector((tx, result, state) -> BOB.equals(tx.to()));
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage(), registry)) {
      Transaction toBob = TestNode.eip1559(TestNode.KEY2, 0, BOB, 1, 5, 10_000_000_000L, 21_000);
      Transaction toAlice = TestNode.transfer(0, ALICE, 1);
      node.pool.add(toBob);
      node.pool.add(toAlice);
      Block block = node.seal();
      assertEquals(List.of(toAlice), block.transactions());
      assertTrue(node.pool.byHash(TransactionHasher.hash(toBob)).isPresent());
    }
  }

  @Test
  void payloadIdsAreStableAndTheStoredPayloadIsBuiltOnce() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      InMemoryPayloadStore store = new InMemoryPayloadStore(node.chain, node.builder);
      BlockHeader parent = node.chain.head();
      byte[] id = store.startBuilding(parent.hash(), attrs(parent, List.of()));
      assertArrayEquals(id, store.startBuilding(parent.hash(), attrs(parent, List.of())));
      assertEquals(8, id.length);
      node.pool.add(TestNode.transfer(0, ALICE, 1));
      Block first = store.get(id).orElseThrow().block();
      assertEquals(1, first.transactions().size(), "transactions that arrived after forkchoiceUpdated are included");
      assertArrayEquals(first.header().hash(), store.get(id).orElseThrow().block().header().hash());
      assertTrue(store.get(new byte[8]).isEmpty());
      assertThrows(IllegalArgumentException.class, () -> store.startBuilding(new byte[32], attrs(parent, List.of())));
      PayloadAttributes stale = new PayloadAttributes(parent.timestamp(), new byte[32], TestNode.COINBASE, List.of(), new byte[32]);
      assertThrows(IllegalArgumentException.class, () -> store.startBuilding(parent.hash(), stale));
    }
  }
}
