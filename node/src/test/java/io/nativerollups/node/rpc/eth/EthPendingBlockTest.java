package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code pending} block: built from the pool on the head, and every state method reading the state after it. */
class EthPendingBlockTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  @Test
  void pendingBlockHoldsThePoolsTransactionsAndLeavesSealingFieldsNull() {
    String hash = rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    JsonNode block = rpc.result("eth_getBlockByNumber", "pending", false);
    assertEquals("0x1", block.get("number").asText());
    assertEquals(Hex.data(rpc.node.chain.head().hash()), block.get("parentHash").asText());
    assertTrue(block.get("hash").isNull());
    assertTrue(block.get("nonce").isNull());
    assertTrue(block.get("miner").isNull());
    assertEquals(List.of(hash), List.of(block.get("transactions").get(0).asText()));
    assertEquals("0x5208", block.get("gasUsed").asText());
    JsonNode full = rpc.result("eth_getBlockByNumber", "pending", true);
    assertEquals(TestNode.ALICE.toHexString(), full.get("transactions").get(0).get("to").asText());
    assertEquals("0x1", rpc.result("eth_getBlockTransactionCountByNumber", "pending").asText());
    assertEquals(hash, rpc.result("eth_getTransactionByBlockNumberAndIndex", "pending", "0x0").get("hash").asText());
    assertTrue(rpc.result("eth_getTransactionByBlockNumberAndIndex", "pending", "0x1").isNull());
    JsonNode receipts = rpc.result("eth_getBlockReceipts", "pending");
    assertEquals(1, receipts.size());
    assertEquals(hash, receipts.get(0).get("transactionHash").asText());
    assertEquals("0x0", rpc.result("eth_getBlockTransactionCountByNumber", "latest").asText());
  }

  @Test
  void stateMethodsAtPendingSeeThePendingTransactions() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    assertEquals("0x5", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), "pending").asText());
    assertEquals("0x0", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), "latest").asText());
    assertEquals("0x5", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), Map.of("blockNumber", "pending")).asText());
    assertEquals("0x1", rpc.result("eth_getTransactionCount", TestNode.SENDER.toHexString(), "pending").asText());
    JsonNode proof = rpc.result("eth_getProof", TestNode.ALICE.toHexString(), List.of(), "pending");
    assertEquals("0x5", proof.get("balance").asText());
    assertTrue(proof.get("accountProof").size() > 0);
  }

  @Test
  void pendingContractIsVisibleToCodeStorageAndCalls() {
    Transaction create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.sendRaw(create);
    String address = io.nativerollups.evm.vm.EVM.createAddress(TestNode.SENDER, 0).toHexString();
    rpc.sendRaw(Contracts.tx(1, Address.fromHex(address), new byte[0], 100_000));
    assertEquals(Hex.data(Contracts.STORE_AND_LOG), rpc.result("eth_getCode", address, "pending").asText());
    assertEquals("0x", rpc.result("eth_getCode", address, "latest").asText());
    assertEquals("0x" + "0".repeat(62) + "2a", rpc.result("eth_getStorageAt", address, "0x0", "pending").asText());
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("to", address);
    assertEquals("0x", rpc.result("eth_call", call, "pending").asText());
    assertTrue(Hex.parseLong(rpc.result("eth_estimateGas", call, "pending").asText()) > 21_000,
        "the pending code runs an SSTORE");
    assertEquals(21_000, Hex.parseLong(rpc.result("eth_estimateGas", call, "latest").asText()));
    JsonNode accessList = rpc.result("eth_createAccessList", call, "pending");
    assertEquals(address, accessList.get("accessList").get(0).get("address").asText());
    assertEquals("0x" + "0".repeat(64), accessList.get("accessList").get(0).get("storageKeys").get(0).asText());
    assertEquals(0, rpc.result("eth_createAccessList", call, "latest").get("accessList").size());
  }

  @Test
  void pendingFollowsTheHeadOnceTransactionsAreSealed() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    assertEquals("0x1", rpc.result("eth_getBlockTransactionCountByNumber", "pending").asText());
    Block sealed = rpc.node.seal();
    JsonNode pending = rpc.result("eth_getBlockByNumber", "pending", false);
    assertEquals("0x2", pending.get("number").asText());
    assertEquals(Hex.data(sealed.header().hash()), pending.get("parentHash").asText());
    assertEquals(0, pending.get("transactions").size());
    rpc.sendRaw(TestNode.transfer(1, TestNode.ALICE, 5));
    assertEquals("0xa", rpc.result("eth_getBalance", TestNode.ALICE.toHexString(), "pending").asText());
  }

  @Test
  void headersByNumberTagAndHash() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    Block sealed = rpc.node.seal();
    String hash = Hex.data(sealed.header().hash());
    JsonNode byNumber = rpc.result("eth_getHeaderByNumber", "0x1");
    assertEquals(hash, byNumber.get("hash").asText());
    assertEquals(Hex.data(sealed.header().stateRoot()), byNumber.get("stateRoot").asText());
    assertTrue(!byNumber.has("transactions") && !byNumber.has("size"), "a header has no body fields");
    assertEquals(byNumber, rpc.result("eth_getHeaderByHash", hash));
    assertEquals(byNumber, rpc.result("eth_getHeaderByNumber", "latest"));
    JsonNode pending = rpc.result("eth_getHeaderByNumber", "pending");
    assertEquals("0x2", pending.get("number").asText());
    assertTrue(pending.get("hash").isNull());
    assertTrue(rpc.result("eth_getHeaderByNumber", "0x9").isNull());
    assertTrue(rpc.result("eth_getHeaderByHash", "0x" + "11".repeat(32)).isNull());
  }

  @Test
  void badHeaderParametersAreInvalidParams() {
    assertEquals(-32602, rpc.error("eth_getHeaderByNumber", "newest").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getHeaderByNumber", 1).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getHeaderByNumber").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getHeaderByNumber", "0x1", true).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getHeaderByHash", "0x12").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getHeaderByHash", "latest").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getBlockByNumber", "Pendingx", false).get("code").asInt());
  }
}
