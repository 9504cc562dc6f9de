package io.nativerollups.node.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import io.nativerollups.node.storage.RocksDbKeyValueStorage;
import io.nativerollups.node.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultBlockchainTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  @Test
  void restartOnTheSameDataPathResumesAtTheHeadWithItsState(@TempDir Path dir) throws Exception {
    byte[] headHash;
    byte[] stateRoot;
    try (TestNode node = new TestNode(RocksDbKeyValueStorage.open(dir))) {
      node.pool.add(TestNode.transfer(0, ALICE, 5));
      node.seal();
      node.pool.add(TestNode.transfer(1, ALICE, 7));
      Block b2 = node.seal();
      headHash = b2.header().hash();
      stateRoot = b2.header().stateRoot();
    }
    try (TestNode node = new TestNode(RocksDbKeyValueStorage.open(dir))) {
      assertEquals(2, node.chain.head().number());
      assertArrayEquals(headHash, node.chain.head().hash());
      assertArrayEquals(stateRoot, node.chain.head().stateRoot());
      assertEquals(UInt256.valueOf(12), node.chain.stateAt(headHash).getBalance(ALICE));
      Block b2 = node.chain.blockByNumber(2).orElseThrow();
      TransactionLocation loc = node.chain.transaction(TransactionHasher.hash(b2.transactions().get(0))).orElseThrow();
      assertEquals(2, loc.blockNumber());
      assertEquals(1, node.chain.receipts(headHash).size());
      assertTrue(node.chain.receipts(headHash).get(0).success());
      node.pool.add(TestNode.transfer(2, ALICE, 1));
      assertEquals(3, node.seal().header().number(), "production goes on from the stored head");
    }
  }

  @Test
  void aDataPathOfAnotherChainIsRefused(@TempDir Path dir) throws Exception {
    try (TestNode node = new TestNode(RocksDbKeyValueStorage.open(dir))) {
      node.seal();
    }
    Genesis other = Genesis.parse("{\"config\":{\"chainId\":5,\"cancunTime\":0},\"gasLimit\":\"30000000\"}");
    try (RocksDbKeyValueStorage storage = RocksDbKeyValueStorage.open(dir)) {
      StorageException e = assertThrows(StorageException.class,
          () -> new DefaultBlockchain(storage, other, new BlockProcessor(other.chainConfig())));
      assertTrue(e.getMessage().contains("another --data-path"), e.getMessage());
    }
  }

  @Test
  void corruptOrUnusableDataPathsFailWithAClearMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "x");
    StorageException notDir = assertThrows(StorageException.class, () -> RocksDbKeyValueStorage.open(file));
    assertTrue(notDir.getMessage().contains(file.toString()), notDir.getMessage());

    Path db = dir.resolve("db");
    try (TestNode node = new TestNode(RocksDbKeyValueStorage.open(db))) {
      node.seal();
    }
    try (var files = Files.list(db)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("MANIFEST")).toList()) {
        Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    StorageException corrupt = assertThrows(StorageException.class, () -> RocksDbKeyValueStorage.open(db));
    assertTrue(corrupt.getMessage().contains("cannot open database"), corrupt.getMessage());
  }

  @Test
  void aSecondNodeImportsTheBlocksOfTheFirstAndRejectsTamperedOnes() throws Exception {
    try (TestNode producer = new TestNode(new InMemoryKeyValueStorage());
        TestNode follower = new TestNode(new InMemoryKeyValueStorage())) {
      producer.pool.add(TestNode.transfer(0, ALICE, 5));
      Block block = producer.seal();
      BlockHeader forged = block.header().toBuilder().stateRoot(new byte[32]).build();
      ImportResult bad = follower.chain.importBlock(Block.of(forged, block.transactions(), block.withdrawals()));
      assertEquals(ImportResult.Status.INVALID, bad.status());
      assertTrue(bad.reason().contains("INVALID_STATE_ROOT"), bad.reason());
      assertArrayEquals(block.header().parentHash(), bad.latestValidHash());

      assertEquals(ImportResult.Status.VALID, follower.chain.importBlock(block).status());
      follower.chain.setHead(block.header().hash());
      assertArrayEquals(block.header().stateRoot(), follower.chain.head().stateRoot());

      producer.seal();
      Block orphan = producer.seal();
      assertEquals(ImportResult.Status.SYNCING, follower.chain.importBlock(orphan).status(), "parent not known");
    }
  }

  @Test
  void setHeadToASiblingReindexesTheCanonicalChain() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      BlockHeader genesis = node.chain.head();
      node.pool.add(TestNode.transfer(0, ALICE, 5));
      Block a = node.seal();
      byte[] txHash = TransactionHasher.hash(a.transactions().get(0));
      Block b = node.builder.build(genesis, new io.nativerollups.node.mining.PayloadAttributes(genesis.timestamp() + 99,
          new byte[32], TestNode.COINBASE, List.of(), new byte[32]), List.of());
      assertEquals(ImportResult.Status.VALID, node.chain.importBlock(b).status());
      List<Block> heads = new java.util.ArrayList<>();
      node.chain.addHeadListener(heads::add);
      node.chain.setHead(b.header().hash());
      assertArrayEquals(b.header().hash(), node.chain.blockByNumber(1).orElseThrow().header().hash());
      assertTrue(node.chain.transaction(txHash).isEmpty(), "the transaction left the canonical chain");
      assertEquals(1, heads.size());
      node.chain.setHead(a.header().hash());
      assertEquals(1, node.chain.transaction(txHash).orElseThrow().blockNumber());
      assertThrows(IllegalArgumentException.class, () -> node.chain.setHead(new byte[32]));
    }
  }

  @Test
  void headChangesReportTheBlocksThatLeftAndJoinedTheCanonicalChain() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      BlockHeader genesis = node.chain.head();
      List<List<List<String>>> changes = new java.util.ArrayList<>();
      node.chain.addHeadChangeListener(c -> changes.add(change(c.removed(), c.added())));
      Block a1 = node.seal();
      Block a2 = node.seal();
      Block b1 = sibling(node, genesis);
      Block b2 = sibling(node, b1.header());
      assertEquals(List.of(change(List.of(), List.of(a1)), change(List.of(), List.of(a2))), changes);

      changes.clear();
      node.chain.setHead(b2.header().hash());
      node.chain.setHead(b2.header().hash());
      node.chain.setHead(a2.header().hash());
      node.chain.setHead(genesis.hash());
      assertEquals(List.of(change(List.of(a1, a2), List.of(b1, b2)), change(List.of(b1, b2), List.of(a1, a2)),
          change(List.of(a1, a2), List.of())), changes, "setting the same head again reports nothing");
    }
  }

  /** A block on {@code parent} that differs from the dev producer's (later timestamp), imported but not made head. */
  private static Block sibling(TestNode node, BlockHeader parent) {
    Block b = node.builder.build(parent, new io.nativerollups.node.mining.PayloadAttributes(parent.timestamp() + 99,
        new byte[32], TestNode.COINBASE, List.of(), new byte[32]), List.of());
    assertEquals(ImportResult.Status.VALID, node.chain.importBlock(b).status());
    return b;
  }

  /** A change by block hashes, so that it compares by value. */
  private static List<List<String>> change(List<Block> removed, List<Block> added) {
    return List.of(removed.stream().map(b -> java.util.HexFormat.of().formatHex(b.header().hash())).toList(),
        added.stream().map(b -> java.util.HexFormat.of().formatHex(b.header().hash())).toList());
  }
}
