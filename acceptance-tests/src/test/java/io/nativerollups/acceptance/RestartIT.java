package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web3j.protocol.core.DefaultBlockParameterName.LATEST;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** A node with a data directory keeps its chain across a clean restart and across {@code kill -9}. */
@ExtendWith(PrintNodeLogsOnFailure.class)
class RestartIT {
  private static final int CRASH_ROUNDS = 2;
  private static final int BLOCKS_BEFORE_KILL = 12;
  private NodeProcess node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  void restartKeepsTheChainAndGoesOnFromItsHead() {
    node = NodeProcess.builder("restart").start();
    List<TransactionReceipt> receipts = new ArrayList<>();
    String recipient = DevAccounts.random().getAddress();
    try (NodeClient client = new NodeClient(node)) {
      for (Credentials from : List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.ALICE)) {
        receipts.add(client.awaitReceipt(client.sendRaw(Transactions.eip1559(
            from, client.pendingNonce(from.getAddress()), recipient, BigInteger.valueOf(1000)))));
      }
    }
    long head;
    EthBlock.Block headBlock;
    try (NodeClient client = new NodeClient(node)) {
      head = client.blockNumber();
      headBlock = client.block(head);
    }

    node.stop();
    assertFalse(node.isAlive());
    node.restart();

    try (NodeClient client = new NodeClient(node)) {
      assertEquals(head, client.blockNumber(), "same head number");
      EthBlock.Block restartedHead = client.block(head);
      assertEquals(headBlock.getHash(), restartedHead.getHash());
      assertEquals(headBlock.getStateRoot(), restartedHead.getStateRoot());
      assertEquals(BigInteger.valueOf(3000), client.balance(recipient, LATEST));
      for (TransactionReceipt before : receipts) {
        TransactionReceipt after = client.awaitReceipt(before.getTransactionHash());
        assertEquals(before.getBlockHash(), after.getBlockHash());
        assertEquals(before.getGasUsed(), after.getGasUsed());
      }
      // The restarted node takes the next nonces and builds on the old head.
      TransactionReceipt next = client.awaitReceipt(client.sendRaw(Transactions.eip1559(DevAccounts.ALICE,
          client.pendingNonce(DevAccounts.ALICE.getAddress()), recipient, BigInteger.ONE)));
      assertTrue(next.isStatusOK());
      assertEquals(head + 1, next.getBlockNumber().longValueExact());
      assertEquals(headBlock.getHash(), client.block(head + 1).getParentHash());
    }
  }

  @Test
  void killDuringBlockProductionRestartsAtAConsistentHead() throws Exception {
    node = NodeProcess.builder("crash").start(); // a block per arriving transaction: always sealing under load
    Credentials sender = DevAccounts.DAVE;
    String contract;
    try (NodeClient client = new NodeClient(node)) {
      contract = KeyValueStore.deploy(client, DevAccounts.ALICE);
    }
    for (int round = 1; round <= CRASH_ROUNDS; round++) {
      long acknowledgedHead;
      ExecutorService loader = Executors.newSingleThreadExecutor();
      AtomicBoolean killed = new AtomicBoolean();
      try (NodeClient client = new NodeClient(node)) {
        long start = client.blockNumber();
        Future<Integer> load = loader.submit(() -> sendUntilKilled(client, sender, contract, killed));
        client.awaitBlockNumber(start + BLOCKS_BEFORE_KILL);
        acknowledgedHead = client.blockNumber();
        killed.set(true);
        node.kill();
        load.get(30, TimeUnit.SECONDS);
      } finally {
        loader.shutdownNow();
      }

      node.restart();
      try (NodeClient client = new NodeClient(node)) {
        long head = client.blockNumber();
        assertTrue(head >= acknowledgedHead,
            "round " + round + ": head " + head + " is behind block " + acknowledgedHead + " served before the kill");
        assertChainLinksDownToGenesis(client, head);
        assertStateMatchesBlocks(client, head, sender, contract);
        // The node seals on top of the recovered head.
        BigInteger nonce = client.nonce(sender.getAddress(), LATEST);
        TransactionReceipt next = client.awaitReceipt(client.sendRaw(
            KeyValueStore.setTransaction(sender, nonce, contract, nonce.longValueExact(), 1)));
        assertTrue(next.isStatusOK());
        assertEquals(client.block(head).getHash(), client.block(next.getBlockNumber().longValueExact()).getParentHash());
      }
    }
  }

  /**
   * Sends contract writes back to back until the node dies (each block then writes account and
   * storage trie nodes, a receipt and a log); returns how many the node accepted.
   */
  private static int sendUntilKilled(NodeClient client, Credentials sender, String contract, AtomicBoolean killed) {
    int accepted = 0;
    BigInteger nonce = client.pendingNonce(sender.getAddress());
    while (!killed.get()) {
      try {
        client.sendRaw(KeyValueStore.setTransaction(sender, nonce, contract, nonce.longValueExact(), 1));
        nonce = nonce.add(BigInteger.ONE);
        accepted++;
      } catch (RuntimeException refusedOrDead) {
        if (killed.get()) {
          break;
        }
        // A refusal while alive (for instance a full pool): resynchronise the nonce and go on.
        nonce = client.pendingNonce(sender.getAddress());
      }
    }
    return accepted;
  }

  /** Every block from the head down to genesis is served and names its predecessor as parent. */
  private static void assertChainLinksDownToGenesis(NodeClient client, long head) {
    EthBlock.Block child = client.block(head);
    for (long n = head - 1; n >= 0; n--) {
      EthBlock.Block parent = client.block(n);
      assertNotNull(parent, "block " + n + " missing below head " + head);
      assertEquals(parent.getHash(), child.getParentHash(), "block " + (n + 1) + "'s parent");
      child = parent;
    }
  }

  /**
   * The state at the head agrees with the blocks: the sender's nonce and the contract's write
   * counter are the number of the sender's mined writes, every transaction of the last blocks has
   * a receipt, and the sender's account proof verifies against the head's state root (so that
   * state is really stored).
   */
  private static void assertStateMatchesBlocks(NodeClient client, long head, Credentials sender, String contract) {
    long sent = 0;
    for (long n = 1; n <= head; n++) {
      EthBlock.Block block = client.send(client.web3j().ethGetBlockByNumber(
          DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), true)).getBlock();
      for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
        Transaction tx = (Transaction) result.get();
        if (tx.getFrom().equals(sender.getAddress())) {
          sent++;
        }
        if (n > head - 3) {
          TransactionReceipt receipt = client.send(client.web3j().ethGetTransactionReceipt(tx.getHash()))
              .getTransactionReceipt().orElseThrow(() -> new AssertionError("no receipt for " + tx.getHash()));
          assertEquals(block.getHash(), receipt.getBlockHash());
        }
      }
    }
    assertEquals(BigInteger.valueOf(sent), client.nonce(sender.getAddress(), LATEST),
        "nonce at head = transactions of the sender in blocks 1.." + head);
    assertEquals(BigInteger.valueOf(sent), Numeric.toBigInt(client.send(client.web3j().ethGetStorageAt(
        contract, KeyValueStore.WRITES_SLOT, LATEST)).getData()), "contract writes at head = the sender's mined writes");

    JsonNode proof = client.rpc().call("eth_getProof", sender.getAddress(), List.of(), "latest");
    byte[] stateRoot = Numeric.hexStringToByteArray(client.block(head).getStateRoot());
    List<byte[]> nodes = new ArrayList<>();
    proof.get("accountProof").forEach(n -> nodes.add(Numeric.hexStringToByteArray(n.asText())));
    byte[] account = MerklePatriciaTrie.verifyProof(stateRoot,
        Keccak256.hash(Numeric.hexStringToByteArray(sender.getAddress())), nodes);
    assertNotNull(account, "sender proven in the head state");
    RlpItem fields = Rlp.decode(account);
    assertEquals(sent, fields.items().get(0).asLong());
    assertArrayEquals(Numeric.toBytesPadded(client.balance(sender.getAddress(), LATEST), 32),
        Numeric.toBytesPadded(fields.items().get(1).asUInt256().toBigInteger(), 32));
  }
}
