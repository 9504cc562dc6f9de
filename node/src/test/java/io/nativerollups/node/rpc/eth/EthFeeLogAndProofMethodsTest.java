package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthFeeLogAndProofMethodsTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();
  private String contract;

  @BeforeEach
  void start() throws Exception {
    var create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.sendRaw(create);
    rpc.node.seal();
    contract = rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create))).get("contractAddress").asText();
    rpc.sendRaw(Contracts.tx(1, Address.fromHex(contract), new byte[0], 100_000));
    rpc.node.seal();
  }

  @Test
  void gasPriceIsHeadBaseFeePlusTheSuggestedTip() {
    UInt256 tip = Hex.parseUInt256(rpc.result("eth_maxPriorityFeePerGas").asText());
    assertEquals(UInt256.valueOf(2), tip, "the tips paid in the last blocks");
    UInt256 baseFee = rpc.node.chain.head().baseFeePerGas();
    assertEquals(Hex.quantity(baseFee.add(tip)), rpc.result("eth_gasPrice").asText());
    assertEquals("0x1", rpc.result("eth_blobBaseFee").asText());
  }

  @Test
  void baseFeeIsTheNextBlocksAsFeeHistoryAnswersIt() {
    String next = rpc.result("eth_baseFee").asText();
    JsonNode history = rpc.result("eth_feeHistory", "0x1", "latest", List.of());
    assertEquals(history.get("baseFeePerGas").get(1).asText(), next);
    assertTrue(Hex.parseUInt256(next).compareTo(rpc.node.chain.head().baseFeePerGas()) < 0,
        "a block below its gas target lowers the base fee");
    assertEquals(-32602, rpc.error("eth_baseFee", "latest").get("code").asInt());
  }

  @Test
  void storageValuesOfSeveralAccountsAtOnce() {
    String other = "0x00000000000000000000000000000000000000ff";
    JsonNode values = rpc.result("eth_getStorageValues",
        Map.of(contract, List.of("0x0", "0x" + "0".repeat(63) + "1"), other, List.of("0x0")), "latest");
    assertEquals("0x" + "0".repeat(62) + "2a", values.get(contract).get(0).asText());
    assertEquals("0x" + "0".repeat(64), values.get(contract).get(1).asText());
    assertEquals("0x" + "0".repeat(64), values.get(other).get(0).asText());
    assertEquals("0x" + "0".repeat(64), rpc.result("eth_getStorageValues", Map.of(contract, List.of("0x0")), "0x1")
        .get(contract).get(0).asText(), "before the storing call");
    assertEquals("0x" + "0".repeat(62) + "2a", rpc.result("eth_getStorageValues", Map.of(contract, List.of("0x0")))
        .get(contract).get(0).asText(), "latest by default");
  }

  @Test
  void badStorageValueRequestsAreRefused() {
    JsonNode empty = rpc.error("eth_getStorageValues", Map.of(contract, List.of()));
    assertEquals(-32602, empty.get("code").asInt());
    assertEquals("empty request", empty.get("message").asText());
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= EthStateMethods.MAX_STORAGE_VALUES; i++) {
      many.add(Hex.quantity(i));
    }
    JsonNode tooMany = rpc.error("eth_getStorageValues", Map.of(contract, many));
    assertEquals(-38026, tooMany.get("code").asInt());
    assertEquals("too many slots (max 1024)", tooMany.get("message").asText());
    assertEquals(-32602, rpc.error("eth_getStorageValues", List.of(contract)).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getStorageValues", Map.of("0x12", List.of("0x0"))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getStorageValues", Map.of(contract, "0x0")).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getStorageValues", Map.of(contract, List.of("0x" + "0".repeat(65)))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getStorageValues", Map.of(contract, List.of("0x0")), "newest").get("code").asInt());
    assertEquals(-32000, rpc.error("eth_getStorageValues", Map.of(contract, List.of("0x0")), "0x99").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getStorageValues").get("code").asInt());
  }

  @Test
  void tipDefaultsToOneGweiOnEmptyBlocks() throws Exception {
    try (RpcHarness empty = new RpcHarness()) {
      empty.node.seal();
      assertEquals("0x3b9aca00", empty.result("eth_maxPriorityFeePerGas").asText());
    }
  }

  @Test
  void theSuggestedTipFollowsANewHead() throws Exception {
    try (RpcHarness fresh = new RpcHarness()) {
      fresh.node.seal();
      assertEquals("0x3b9aca00", fresh.result("eth_maxPriorityFeePerGas").asText(), "no transactions yet");
      fresh.sendRaw(Contracts.tx(0, Address.ofLong(0xBEEF), new byte[0], 100_000));
      fresh.node.seal();
      assertEquals("0x2", fresh.result("eth_maxPriorityFeePerGas").asText(), "the tip paid in the new head");
    }
  }

  @Test
  void feeHistoryCoversTheRangeAndTheNextBlock() {
    JsonNode h = rpc.result("eth_feeHistory", "0x2", "latest", List.of(0, 50, 100));
    assertEquals("0x1", h.get("oldestBlock").asText());
    assertEquals(3, h.get("baseFeePerGas").size());
    assertEquals(2, h.get("gasUsedRatio").size());
    assertEquals(3, h.get("baseFeePerBlobGas").size());
    assertEquals(2, h.get("blobGasUsedRatio").size());
    assertEquals(2, h.get("reward").size());
    assertEquals("0x2", h.get("reward").get(0).get(1).asText());
    Block head = rpc.node.chain.blockByNumber(2).orElseThrow();
    assertEquals(Hex.quantity(head.header().baseFeePerGas()), h.get("baseFeePerGas").get(1).asText());
    assertTrue(h.get("gasUsedRatio").get(1).asDouble() > 0);
    JsonNode plainCount = rpc.result("eth_feeHistory", 10, "0x1", List.of());
    assertEquals("0x0", plainCount.get("oldestBlock").asText());
    assertNull(plainCount.get("reward"));
    assertEquals(-32602, rpc.error("eth_feeHistory", "0x2", "latest", List.of(50, 10)).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_feeHistory", "0x2", "latest", List.of(101)).get("code").asInt());
    assertEquals(-32000, rpc.error("eth_feeHistory", "0x2", "0x99").get("code").asInt());
  }

  @Test
  void logsByRangeAddressTopicsAndBlockHash() {
    JsonNode all = rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "latest"));
    assertEquals(1, all.size());
    JsonNode log = all.get(0);
    assertEquals(contract, log.get("address").asText());
    assertEquals(Contracts.TOPIC_1, log.get("topics").get(0).asText());
    assertEquals("0x2", log.get("blockNumber").asText());
    assertEquals("0x0", log.get("logIndex").asText());
    String blockHash = log.get("blockHash").asText();
    assertEquals(1, rpc.result("eth_getLogs", Map.of("blockHash", blockHash)).size());
    assertEquals(1, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "address", List.of(contract))).size());
    assertEquals(0, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "address", TestNode.SENDER.toHexString())).size());
    List<Object> wrongTopic = new ArrayList<>();
    wrongTopic.add("0x" + "0".repeat(63) + "2");
    assertEquals(0, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "topics", wrongTopic)).size());
    List<Object> anyOrOne = new ArrayList<>();
    anyOrOne.add(List.of("0x" + "0".repeat(63) + "2", Contracts.TOPIC_1));
    assertEquals(1, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "topics", anyOrOne)).size());
    List<Object> wildcard = new ArrayList<>();
    wildcard.add(null);
    assertEquals(1, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "topics", wildcard)).size());
    assertEquals(log, rpc.result("eth_getTransactionReceipt", log.get("transactionHash").asText()).get("logs").get(0));
  }

  @Test
  void badLogFiltersAreRefused() {
    assertEquals(-32602, rpc.error("eth_getLogs", Map.of("blockHash", "0x" + "00".repeat(32), "fromBlock", "0x0")).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getLogs", Map.of("topics", List.of("0x1", "0x2", "0x3", "0x4", "0x5"))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_getLogs", Map.of("fromBlok", "0x0")).get("code").asInt());
    assertEquals(-32000, rpc.error("eth_getLogs", Map.of("blockHash", "0x" + "00".repeat(32))).get("code").asInt());
    assertEquals(-32000, rpc.error("eth_getLogs", Map.of("fromBlock", "0x2", "toBlock", "0x1")).get("code").asInt());
    assertEquals(1, rpc.result("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "0x4e20")).size(), "cut at the head");
    io.nativerollups.node.rpc.RpcMethodRegistry small = new io.nativerollups.node.rpc.RpcMethodRegistry();
    new EthLogMethods(rpc.node.chain, 2).registerTo(small);
    String answer = new io.nativerollups.node.rpc.JsonRpcProcessor(small, 1).process(
        "{\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\"}]}".getBytes(), null);
    assertTrue(answer.contains("-32005"), answer);
  }

  @Test
  void proofVerifiesAgainstTheStateRoot() {
    String slot = "0x0";
    JsonNode proof = rpc.result("eth_getProof", contract, List.of(slot, "0x1"), "latest");
    byte[] stateRoot = rpc.node.chain.head().stateRoot();
    List<byte[]> accountProof = new ArrayList<>();
    proof.get("accountProof").forEach(n -> accountProof.add(Hex.parseData(n.asText())));
    byte[] account = MerklePatriciaTrie.verifyProof(stateRoot, Keccak256.hash(Address.fromHex(contract).toArray()), accountProof);
    var fields = Rlp.decode(account).items();
    assertEquals(Hex.data(fields.get(2).bytes()), proof.get("storageHash").asText());
    assertEquals(Hex.data(Keccak256.hash(Contracts.STORE_AND_LOG)), proof.get("codeHash").asText());
    assertEquals("0x1", proof.get("nonce").asText());
    JsonNode storage = proof.get("storageProof").get(0);
    assertEquals("0x2a", storage.get("value").asText());
    List<byte[]> storageProof = new ArrayList<>();
    storage.get("proof").forEach(n -> storageProof.add(Hex.parseData(n.asText())));
    byte[] value = MerklePatriciaTrie.verifyProof(fields.get(2).bytes(), Keccak256.hash(new byte[32]), storageProof);
    assertArrayEquals(Rlp.encodeLong(42), value);
    assertEquals("0x0", proof.get("storageProof").get(1).get("value").asText());

    JsonNode absent = rpc.result("eth_getProof", "0x00000000000000000000000000000000000000ff", List.of(), "latest");
    assertEquals("0x0", absent.get("balance").asText());
    assertEquals(Hex.data(Keccak256.EMPTY_TRIE_ROOT), absent.get("storageHash").asText());
    assertEquals(-32602, rpc.error("eth_getProof", contract, "0x0", "latest").get("code").asInt());
  }
}
