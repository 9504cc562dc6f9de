package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.mining.BlockBuilder;
import io.nativerollups.node.mining.BuiltPayload;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PendingBlockTest {
  private TestNode node;
  private PendingBlock pending;
  private int builds;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(new InMemoryKeyValueStorage());
    pending = new PendingBlock(node.chain, node.pool, new BlockBuilder() {
      @Override
      public Block build(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs) {
        builds++;
        return node.builder.build(parent, attrs, txs);
      }

      @Override
      public BuiltPayload buildPayload(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs) {
        throw new AssertionError("the pending block needs the block only");
      }
    }, () -> 5_000);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void isBuiltOnTheHeadFromThePoolWithTheStateAfterIt() {
    node.pool.add(TestNode.transfer(0, TestNode.ALICE, 7));
    PendingBlock.Built built = pending.get();
    Block block = built.block();
    assertEquals(1, block.header().number());
    assertArrayEquals(node.chain.head().hash(), block.header().parentHash());
    assertEquals(5_000, block.header().timestamp());
    assertEquals(Address.ZERO, block.header().coinbase());
    assertEquals(1, block.transactions().size());
    assertEquals(1, built.receipts().size());
    assertEquals(UInt256.valueOf(7), built.state().getBalance(TestNode.ALICE));
    assertEquals(1, built.state().getNonce(TestNode.SENDER));
    assertArrayEquals(block.header().stateRoot(), built.state().rootHash());
    assertEquals(UInt256.ZERO, node.chain.stateAt(node.chain.head().hash()).getBalance(TestNode.ALICE),
        "the chain's state is untouched");
  }

  @Test
  void isKeptUntilThePoolOrTheHeadChanges() {
    PendingBlock.Built empty = pending.get();
    assertSame(empty, pending.get());
    assertEquals(1, builds);
    node.pool.add(TestNode.transfer(0, TestNode.ALICE, 7));
    PendingBlock.Built withTransfer = pending.get();
    assertNotSame(empty, withTransfer);
    assertEquals(1, withTransfer.block().transactions().size());
    assertSame(withTransfer, pending.get());
    node.seal();
    PendingBlock.Built next = pending.get();
    assertEquals(2, next.block().header().number());
    assertTrue(next.block().transactions().isEmpty(), "the sealed transfer left the pool");
    assertEquals(3, builds);
  }

  @Test
  void findsTheStateOfTheLastTwoBuildsByHeader() {
    PendingBlock.Built first = pending.get();
    node.pool.add(TestNode.transfer(0, TestNode.ALICE, 7));
    PendingBlock.Built second = pending.get();
    assertSame(first, pending.built(first.block().header()).orElseThrow());
    assertSame(second, pending.built(second.block().header()).orElseThrow());
    assertTrue(pending.built(node.chain.head()).isEmpty());
    node.pool.add(TestNode.transfer(1, TestNode.ALICE, 7));
    pending.get();
    assertTrue(pending.built(first.block().header()).isEmpty());
  }

  @Test
  void buildsNothingUntilAsked() {
    node.pool.add(TestNode.transfer(0, TestNode.ALICE, 7));
    node.seal();
    assertEquals(0, builds);
  }

  @Test
  void timestampFollowsTheHeadWhenTheClockIsBehind() {
    PendingBlock behind = new PendingBlock(node.chain, node.pool, node.builder, () -> 0);
    assertEquals(node.chain.head().timestamp() + 1, behind.get().block().header().timestamp());
  }
}
