package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthBlockAndTransactionMethodsTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  @Test
  void chainIdentityAndHead() {
    assertEquals("0x539", rpc.result("eth_chainId").asText());
    assertEquals("1337", rpc.result("net_version").asText());
    assertEquals("native-rollups/test", rpc.result("web3_clientVersion").asText());
    assertFalse(rpc.result("eth_syncing").asBoolean());
    assertEquals("0x0", rpc.result("eth_blockNumber").asText());
    rpc.node.seal();
    assertEquals("0x1", rpc.result("eth_blockNumber").asText());
    assertEquals(-32602, rpc.error("eth_chainId", 1).get("code").asInt());
    assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        rpc.result("web3_sha3", "0x").asText());
  }

  @Test
  void sentTransactionIsPendingThenIncludedWithItsReceipt() {
    Transaction tx = TestNode.transfer(0, TestNode.ALICE, 5);
    String hash = rpc.sendRaw(tx);
    assertEquals(Hex.data(TransactionHasher.hash(tx)), hash);
    JsonNode pending = rpc.result("eth_getTransactionByHash", hash);
    assertTrue(pending.get("blockHash").isNull());
    assertEquals("0x1", rpc.result("txpool_status").get("pending").asText());
    assertTrue(rpc.result("eth_getTransactionReceipt", hash).isNull());

    Block block = rpc.node.seal();
    String blockHash = Hex.data(block.header().hash());
    JsonNode included = rpc.result("eth_getTransactionByHash", hash);
    assertEquals(blockHash, included.get("blockHash").asText());
    assertEquals("0x1", included.get("blockNumber").asText());
    assertEquals("0x0", included.get("transactionIndex").asText());
    assertEquals(TestNode.SENDER.toHexString(), included.get("from").asText());
    assertEquals(TestNode.ALICE.toHexString(), included.get("to").asText());
    assertEquals("0x2", included.get("type").asText());
    assertEquals("0x5", included.get("value").asText());
    // effective price: base fee + tip of 2
    assertEquals(Hex.quantity(block.header().baseFeePerGas().add(io.nativerollups.evm.types.UInt256.valueOf(2))),
        included.get("gasPrice").asText());

    JsonNode receipt = rpc.result("eth_getTransactionReceipt", hash);
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    assertEquals("0x5208", receipt.get("cumulativeGasUsed").asText());
    assertEquals(blockHash, receipt.get("blockHash").asText());
    assertTrue(receipt.get("contractAddress").isNull());
    assertEquals(included.get("gasPrice"), receipt.get("effectiveGasPrice"));
    assertEquals("0x0", rpc.result("txpool_status").get("pending").asText());
  }

  @Test
  void blocksByNumberTagAndHashWithHashesOrFullTransactions() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    Block block = rpc.node.seal();
    String blockHash = Hex.data(block.header().hash());
    JsonNode byNumber = rpc.result("eth_getBlockByNumber", "0x1", false);
    assertEquals(blockHash, byNumber.get("hash").asText());
    assertEquals(Hex.data(TransactionHasher.hash(block.transactions().get(0))), byNumber.get("transactions").get(0).asText());
    assertEquals(Hex.quantity(block.encodedSize()), byNumber.get("size").asText());
    assertEquals(0, byNumber.get("withdrawals").size());
    assertTrue(byNumber.has("requestsHash"));
    JsonNode full = rpc.result("eth_getBlockByHash", blockHash, true);
    assertEquals(blockHash, full.get("transactions").get(0).get("blockHash").asText());
    assertEquals(blockHash, rpc.result("eth_getBlockByNumber", "latest", false).get("hash").asText());
    assertEquals("0x0", rpc.result("eth_getBlockByNumber", "earliest", false).get("number").asText());
    assertEquals(blockHash, rpc.result("eth_getBlockByNumber", "pending", false).get("parentHash").asText());
    assertTrue(rpc.result("eth_getBlockByNumber", "0x5", false).isNull());
    assertTrue(rpc.result("eth_getBlockByHash", "0x" + "11".repeat(32), false).isNull());
    assertEquals("0x1", rpc.result("eth_getBlockTransactionCountByNumber", "0x1").asText());
    assertEquals("0x1", rpc.result("eth_getBlockTransactionCountByHash", blockHash).asText());
    assertEquals(Hex.data(TransactionHasher.hash(block.transactions().get(0))),
        rpc.result("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x0").get("hash").asText());
    assertTrue(rpc.result("eth_getTransactionByBlockHashAndIndex", blockHash, "0x1").isNull());
    JsonNode receipts = rpc.result("eth_getBlockReceipts", "latest");
    assertEquals(1, receipts.size());
    assertEquals("0x1", receipts.get(0).get("status").asText());
  }

  @Test
  void badBlockParametersAreInvalidParamsAndUnsetForkchoiceBlocksAreUnknown() {
    assertEquals(-32602, rpc.error("eth_getBlockByNumber", "newest", false).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getBlockByNumber", "0x01", false).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getBlockByNumber", "0x1").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getBlockByHash", "0x12", false).get("code").asInt());
    assertEquals(-39001, rpc.error("eth_getBlockByNumber", "finalized", false).get("code").asInt());
    rpc.node.chain.setSafeHash(rpc.node.chain.head().hash());
    assertEquals("0x0", rpc.result("eth_getBlockByNumber", "safe", false).get("number").asText());
  }

  @Test
  void rejectedTransactionsAnswerThePoolsCodeAndMessage() {
    Transaction tx = TestNode.transfer(0, TestNode.ALICE, 5);
    rpc.sendRaw(tx);
    JsonNode known = rpc.error("eth_sendRawTransaction", RpcHarness.raw(tx));
    assertEquals(-32000, known.get("code").asInt());
    assertEquals("already known", known.get("message").asText());
    rpc.node.seal();
    JsonNode low = rpc.error("eth_sendRawTransaction", RpcHarness.raw(TestNode.transfer(0, TestNode.ALICE, 6)));
    assertEquals(-32000, low.get("code").asInt());
    assertTrue(low.get("message").asText().startsWith("nonce too low"), low.toString());
    JsonNode garbage = rpc.error("eth_sendRawTransaction", "0x02c0");
    assertEquals(-32000, garbage.get("code").asInt());
    assertEquals(-32602, rpc.error("eth_sendRawTransaction", "0x0").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_sendRawTransaction").get("code").asInt());
  }

  @Test
  void stateAtBlocksAndPendingNonce() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    rpc.node.seal();
    rpc.sendRaw(TestNode.transfer(1, TestNode.ALICE, 5));
    assertEquals("0x5", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), "latest").asText());
    assertEquals("0x0", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), "0x0").asText());
    assertEquals("0x5", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(),
        Map.of("blockHash", Hex.data(rpc.node.chain.head().hash()), "requireCanonical", true)).asText());
    assertEquals("0x1", rpc.result("eth_getTransactionCount", TestNode.SENDER.toHexString()).asText());
    assertEquals("0x2", rpc.result("eth_getTransactionCount", TestNode.SENDER.toHexString(), "pending").asText());
    JsonNode missing = rpc.error("eth_getBalance", TestNode.ALICE.toHexString(), "0x9");
    assertEquals(-32000, missing.get("code").asInt());
    assertEquals("header not found", missing.get("message").asText());
    assertEquals("header for hash not found", rpc.error("eth_getBalance", TestNode.ALICE.toHexString(),
        Map.of("blockHash", "0x" + "22".repeat(32))).get("message").asText());
    assertEquals(-32602, rpc.error("eth_getBalance", TestNode.ALICE.toHexString(),
        Map.of("blockHash", "0x" + "22".repeat(32), "blockNumber", "0x1")).get("code").asInt());
  }

  @Test
  void codeAndStorageOfADeployedContract() {
    Transaction create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.sendRaw(create);
    rpc.node.seal();
    String address = rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create)))
        .get("contractAddress").asText();
    assertEquals(Hex.data(Contracts.STORE_AND_LOG), rpc.result("eth_getCode", address, "latest").asText());
    rpc.sendRaw(Contracts.tx(1, Address.fromHex(address), new byte[0], 100_000));
    rpc.node.seal();
    String slot = rpc.result("eth_getStorageAt", address, "0x0", "latest").asText();
    assertEquals("0x" + "0".repeat(62) + "2a", slot);
    assertEquals(slot, rpc.result("eth_getStorageAt", address, "0x" + "0".repeat(64)).asText());
    assertEquals(-32602, rpc.error("eth_getStorageAt", address, "0x" + "0".repeat(65)).get("code").asInt());
    assertEquals("0x", rpc.result("eth_getCode", TestNode.ALICE.toHexString()).asText());
  }

  @Test
  void aTransactionsReceiptIsItsEntryInTheBlocksReceiptsLogIndexesAndGasIncluded() {
    String create = rpc.sendRaw(Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000));
    rpc.node.seal();
    Address contract = Address.fromHex(rpc.result("eth_getTransactionReceipt", create).get("contractAddress").asText());
    String[] calls = new String[3];
    for (int i = 0; i < calls.length; i++) {
      calls[i] = rpc.sendRaw(Contracts.tx(1 + i, contract, new byte[0], 100_000));
    }
    Block block = rpc.node.seal();
    assertEquals(3, block.transactions().size());
    JsonNode all = rpc.result("eth_getBlockReceipts", Hex.quantity(block.header().number()));
    for (int i = 0; i < calls.length; i++) {
      JsonNode one = rpc.result("eth_getTransactionReceipt", calls[i]);
      assertEquals(all.get(i), one);
      assertEquals(Hex.quantity(i), one.get("logs").get(0).get("logIndex").asText());
    }
  }
}
