package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthSimulateV1Test {
  private static final String SENDER = TestNode.SENDER.toHexString();
  private static final String ALICE = TestNode.ALICE.toHexString();
  private static final String CONTRACT = "0x00000000000000000000000000000000000c0de1";
  private static final String ZERO_WORD = "0x" + "0".repeat(64);
  /** Runtime: returns BLOCKHASH(NUMBER - 1). */
  private static final String PARENT_HASH_CODE = "0x600143034060005260206000f3";
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  private static Map<String, Object> call(String from, String to, Object... fields) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("from", from);
    if (to != null) {
      call.put("to", to);
    }
    for (int i = 0; i < fields.length; i += 2) {
      call.put((String) fields[i], fields[i + 1]);
    }
    return call;
  }

  private static Map<String, Object> block(Map<String, Object> blockOverrides, Map<String, Object> stateOverrides,
      Object... calls) {
    Map<String, Object> block = new LinkedHashMap<>();
    if (blockOverrides != null) {
      block.put("blockOverrides", blockOverrides);
    }
    if (stateOverrides != null) {
      block.put("stateOverrides", stateOverrides);
    }
    block.put("calls", List.of(calls));
    return block;
  }

  private static Map<String, Object> payload(Object... blocks) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("blockStateCalls", List.of(blocks));
    return payload;
  }

  private static Map<String, Object> code(String address, String code) {
    return Map.of(address, Map.of("code", code));
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  @Test
  void transferIsSimulatedWithItsEtherLogAndLeavesTheChainAlone() {
    Map<String, Object> payload = payload(block(null, null, call(SENDER, ALICE, "value", "0x5")));
    payload.put("traceTransfers", true);
    JsonNode blocks = rpc.result("eth_simulateV1", payload, "latest");
    assertEquals(1, blocks.size());
    JsonNode b = blocks.get(0);
    assertEquals("0x1", b.get("number").asText());
    assertEquals(Hex.data(rpc.node.chain.head().hash()), b.get("parentHash").asText());
    assertEquals(Hex.quantity(rpc.node.chain.head().timestamp() + 12), b.get("timestamp").asText());
    assertEquals("0x5208", b.get("gasUsed").asText());
    assertEquals("0x0", b.get("baseFeePerGas").asText(), "no validation: base fee zero");
    JsonNode result = b.get("calls").get(0);
    assertEquals("0x1", result.get("status").asText());
    assertEquals("0x5208", result.get("gasUsed").asText());
    assertEquals("0x", result.get("returnData").asText());
    JsonNode log = result.get("logs").get(0);
    assertEquals("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", log.get("address").asText());
    assertEquals(Hex.data(Keccak256.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII))),
        log.get("topics").get(0).asText());
    assertEquals("0x" + "0".repeat(24) + SENDER.substring(2), log.get("topics").get(1).asText());
    assertEquals("0x" + "0".repeat(24) + ALICE.substring(2), log.get("topics").get(2).asText());
    assertEquals("0x" + word(5), log.get("data").asText());
    assertEquals(b.get("hash").asText(), log.get("blockHash").asText());
    assertEquals(b.get("transactions").get(0).asText(), log.get("transactionHash").asText());
    assertEquals("0x" + "0".repeat(512), b.get("logsBloom").asText(), "transfer logs are not the receipt's");
    assertEquals("0x0", rpc.result("eth_getBalance", ALICE, "latest").asText());
    assertEquals(0, rpc.node.chain.head().number());
  }

  @Test
  void transfersAreNotLoggedUnlessAskedOrWhenReverted() {
    JsonNode plain = rpc.result("eth_simulateV1", payload(block(null, null, call(SENDER, ALICE, "value", "0x5"))));
    assertEquals(0, plain.get(0).get("calls").get(0).get("logs").size());
    Map<String, Object> reverting = payload(block(null, code(CONTRACT, Hex.data(Contracts.REVERT_NO)),
        call(SENDER, CONTRACT, "value", "0x5")));
    reverting.put("traceTransfers", true);
    JsonNode result = rpc.result("eth_simulateV1", reverting).get(0).get("calls").get(0);
    assertEquals("0x0", result.get("status").asText());
    assertEquals(0, result.get("logs").size());
    assertEquals(3, result.get("error").get("code").asInt());
    assertEquals("execution reverted: no", result.get("error").get("message").asText());
    assertTrue(result.get("error").get("data").asText().startsWith("0x08c379a0"));
  }

  private static final String FORWARDER = "0x00000000000000000000000000000000000f0f0f";
  private static final String REVERTER = "0x0000000000000000000000000000000000000bad";

  /** Runtime: CALLs {@code to} with the call value and all gas, ignores the outcome, stops. */
  private static String forwardTo(String to) {
    return "0x6000600060006000347" + "3" + to.substring(2) + "5af15000";
  }

  private JsonNode tracedLogs(Map<String, Object> stateOverrides, Map<String, Object> call) {
    Map<String, Object> payload = payload(block(null, stateOverrides, call));
    payload.put("traceTransfers", true);
    return rpc.result("eth_simulateV1", payload).get(0).get("calls").get(0).get("logs");
  }

  private static String topicOf(String address) {
    return "0x" + "0".repeat(24) + address.substring(2);
  }

  @Test
  void forwardedEtherIsLoggedPerHopAndAFailedHopDropsItsLog() {
    JsonNode hops = tracedLogs(code(FORWARDER, forwardTo(ALICE)), call(SENDER, FORWARDER, "value", "0x7"));
    assertEquals(2, hops.size());
    assertEquals(topicOf(SENDER), hops.get(0).get("topics").get(1).asText());
    assertEquals(topicOf(FORWARDER), hops.get(1).get("topics").get(1).asText());
    assertEquals(topicOf(ALICE), hops.get(1).get("topics").get(2).asText());
    assertEquals("0x1", hops.get(1).get("logIndex").asText());
    Map<String, Object> overrides = new LinkedHashMap<>(code(FORWARDER, forwardTo(REVERTER)));
    overrides.putAll(code(REVERTER, Hex.data(Contracts.REVERT_NO)));
    JsonNode failedHop = tracedLogs(overrides, call(SENDER, FORWARDER, "value", "0x7"));
    assertEquals(1, failedHop.size(), "the reverted inner call's transfer is gone");
    assertEquals(topicOf(FORWARDER), failedHop.get(0).get("topics").get(2).asText());
  }

  @Test
  void selfDestructLogsTheBalanceItSends() {
    JsonNode logs = tracedLogs(Map.of(CONTRACT, Map.of("code", "0x73" + ALICE.substring(2) + "ff", "balance", "0x10")),
        call(SENDER, CONTRACT));
    assertEquals(1, logs.size());
    assertEquals(topicOf(CONTRACT), logs.get(0).get("topics").get(1).asText());
    assertEquals(topicOf(ALICE), logs.get(0).get("topics").get(2).asText());
    assertEquals("0x" + word(16), logs.get(0).get("data").asText());
  }

  @Test
  void precompileMovesHoldForTheirBlockOnly() {
    String elsewhere = "0x0000000000000000000000000000000000001234";
    Map<String, Object> move = Map.of("0x0000000000000000000000000000000000000004",
        Map.of("movePrecompileToAddress", elsewhere));
    JsonNode blocks = rpc.result("eth_simulateV1", payload(
        block(null, move, call(SENDER, elsewhere, "input", "0xabcd")),
        block(null, null, call(SENDER, elsewhere, "input", "0xabcd"))));
    assertEquals("0xabcd", blocks.get(0).get("calls").get(0).get("returnData").asText());
    assertEquals("0x", blocks.get(1).get("calls").get(0).get("returnData").asText());
    assertEquals(-38022, rpc.error("eth_simulateV1", payload(block(null, Map.of("0x0000000000000000000000000000000000000004",
        Map.of("movePrecompileToAddress", "0x0000000000000000000000000000000000000004"))))).get("code").asInt());
    assertEquals(-32000, rpc.error("eth_simulateV1", payload(block(null,
        Map.of(elsewhere, Map.of("movePrecompileToAddress", ALICE))))).get("code").asInt(), "not a precompile");
  }

  @Test
  void blocksBuildOnEachOthersStateAndHashes() {
    String slot = "0x" + "0".repeat(64);
    JsonNode blocks = rpc.result("eth_simulateV1", payload(
        block(null, code(CONTRACT, Hex.data(Contracts.STORE_AND_LOG)), call(SENDER, CONTRACT)),
        block(null, code(CONTRACT, Hex.data(Contracts.RETURN_SLOT_0)), call(SENDER, CONTRACT)),
        block(null, code(CONTRACT, PARENT_HASH_CODE), call(SENDER, CONTRACT))));
    assertEquals(3, blocks.size());
    JsonNode first = blocks.get(0);
    JsonNode stored = first.get("calls").get(0).get("logs").get(0);
    assertEquals(CONTRACT, stored.get("address").asText());
    assertEquals(Contracts.TOPIC_1, stored.get("topics").get(0).asText());
    assertTrue(!first.get("logsBloom").asText().equals("0x" + "0".repeat(512)), "a real log is in the bloom");
    assertEquals("0x" + word(42), blocks.get(1).get("calls").get(0).get("returnData").asText());
    assertEquals(first.get("hash").asText(), blocks.get(1).get("parentHash").asText());
    assertEquals(blocks.get(1).get("hash").asText(), blocks.get(2).get("calls").get(0).get("returnData").asText(),
        "BLOCKHASH sees the simulated parent");
    assertEquals("0x2", blocks.get(1).get("number").asText());
    assertEquals("0x3", blocks.get(2).get("number").asText());
    assertEquals(ZERO_WORD, rpc.result("eth_getStorageAt", CONTRACT, slot, "latest").asText());
  }

  @Test
  void numberGapsAreFilledWithEmptyBlocks() {
    JsonNode blocks = rpc.result("eth_simulateV1", payload(block(Map.of("number", "0x4"), null, call(SENDER, ALICE))));
    assertEquals(4, blocks.size());
    long time = rpc.node.chain.head().timestamp();
    for (int i = 0; i < 4; i++) {
      assertEquals(Hex.quantity(i + 1), blocks.get(i).get("number").asText());
      assertEquals(Hex.quantity(time + 12L * (i + 1)), blocks.get(i).get("timestamp").asText());
      assertEquals(i == 3 ? 1 : 0, blocks.get(i).get("calls").size());
    }
    assertEquals(blocks.get(2).get("hash").asText(), blocks.get(3).get("parentHash").asText());
  }

  @Test
  void blockOverridesAreSeenByCallsAndCarriedIntoTheBlock() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("number", "0x5");
    overrides.put("time", "0x7d0");
    overrides.put("gasLimit", "0x1c9c380");
    overrides.put("feeRecipient", ALICE);
    overrides.put("prevRandao", "0x" + word(9));
    overrides.put("baseFeePerGas", "0x7");
    overrides.put("blobBaseFee", "0x3");
    JsonNode blocks = rpc.result("eth_simulateV1", payload(block(overrides, code(CONTRACT, Hex.data(Contracts.BLOCK_FIELDS)),
        call(SENDER, CONTRACT, "maxFeePerGas", "0x3b9aca00"))));
    JsonNode last = blocks.get(blocks.size() - 1);
    assertEquals("0x" + word(5) + word(2000) + word(30_000_000) + word(0xa11ce) + word(9) + word(7) + word(3),
        last.get("calls").get(0).get("returnData").asText());
    assertEquals(ALICE, last.get("miner").asText());
    assertEquals("0x7", last.get("baseFeePerGas").asText());
    assertEquals("0x1c9c380", last.get("gasLimit").asText());
    assertEquals("0x" + word(9), last.get("mixHash").asText());
  }

  @Test
  void failedCallsAreAnsweredInTheirResults() {
    JsonNode result = rpc.result("eth_simulateV1", payload(block(null, code(CONTRACT, "0xfe"),
        call(SENDER, CONTRACT, "gas", "0x10000")))).get(0).get("calls").get(0);
    assertEquals("0x0", result.get("status").asText());
    assertEquals("0x10000", result.get("gasUsed").asText());
    assertEquals(-32015, result.get("error").get("code").asInt());
    assertTrue(result.get("error").get("message").asText().startsWith("vm execution error"), result.toString());
  }

  @Test
  void fullTransactionsNameTheirSenderAndAContractMaySend() {
    Map<String, Object> payload = payload(block(null,
        Map.of(CONTRACT, Map.of("code", Hex.data(Contracts.RETURN_SLOT_0), "balance", "0x10")),
        call(CONTRACT, ALICE, "value", "0x1"), call(SENDER, ALICE, "value", "0x2")));
    payload.put("returnFullTransactions", true);
    JsonNode b = rpc.result("eth_simulateV1", payload).get(0);
    JsonNode txs = b.get("transactions");
    assertEquals(CONTRACT, txs.get(0).get("from").asText());
    assertEquals(SENDER, txs.get(1).get("from").asText());
    assertEquals(b.get("hash").asText(), txs.get(1).get("blockHash").asText());
    assertEquals("0x1", txs.get(1).get("transactionIndex").asText());
    assertEquals("0xa410", b.get("gasUsed").asText());
  }

  @Test
  void validationChecksCallsAsABlockWould() {
    Map<String, Object> lowNonce = payload(block(null, null, call(SENDER, ALICE, "nonce", "0x0", "maxFeePerGas", "0x3b9aca00"),
        call(SENDER, ALICE, "nonce", "0x0", "maxFeePerGas", "0x3b9aca00")));
    lowNonce.put("validation", true);
    assertEquals(BlockSimulator.NONCE_TOO_LOW, rpc.error("eth_simulateV1", lowNonce).get("code").asInt());
    Map<String, Object> highNonce = payload(block(null, null, call(SENDER, ALICE, "nonce", "0x5", "maxFeePerGas", "0x3b9aca00")));
    highNonce.put("validation", true);
    assertEquals(BlockSimulator.NONCE_TOO_HIGH, rpc.error("eth_simulateV1", highNonce).get("code").asInt());
    Map<String, Object> cheap = payload(block(null, null, call(SENDER, ALICE, "maxFeePerGas", "0x1")));
    cheap.put("validation", true);
    assertEquals(BlockSimulator.BASE_FEE_TOO_LOW, rpc.error("eth_simulateV1", cheap).get("code").asInt());
    Map<String, Object> poor = payload(block(null, null, call(ALICE, SENDER, "value", "0x1", "maxFeePerGas", "0x3b9aca00")));
    poor.put("validation", true);
    assertEquals(BlockSimulator.INSUFFICIENT_FUNDS, rpc.error("eth_simulateV1", poor).get("code").asInt());
    assertEquals(BlockSimulator.INSUFFICIENT_FUNDS,
        rpc.error("eth_simulateV1", payload(block(null, null, call(ALICE, SENDER, "value", "0x1")))).get("code").asInt(),
        "the value must be there without validation too");
    JsonNode ok = rpc.result("eth_simulateV1", validated(block(null, null, call(SENDER, ALICE, "maxFeePerGas", "0x3b9aca00"))));
    assertEquals(Hex.quantity(io.nativerollups.evm.block.BlockValidator.expectedBaseFee(rpc.node.chain.head())),
        ok.get(0).get("baseFeePerGas").asText(), "with validation: the parent's successor base fee");
  }

  private static Map<String, Object> validated(Object... blocks) {
    Map<String, Object> payload = payload(blocks);
    payload.put("validation", true);
    return payload;
  }

  @Test
  void gasBeyondTheBlockOrBelowIntrinsicIsRefused() {
    JsonNode intrinsic = rpc.error("eth_simulateV1", payload(block(null, null, call(SENDER, ALICE, "gas", "0x5000"))));
    assertEquals(BlockSimulator.INTRINSIC_GAS_TOO_LOW, intrinsic.get("code").asInt());
    JsonNode over = rpc.error("eth_simulateV1", payload(block(Map.of("gasLimit", "0x10000"), null,
        call(SENDER, ALICE, "gas", "0x8000"), call(SENDER, ALICE, "gas", "0xb000"))));
    assertEquals(BlockSimulator.BLOCK_GAS_LIMIT_REACHED, over.get("code").asInt());
    assertTrue(over.get("message").asText().startsWith("block gas limit reached"), over.toString());
  }

  @Test
  void blockSequencesOutOfOrderOrTooLongAreRefused() {
    JsonNode down = rpc.error("eth_simulateV1", payload(block(Map.of("number", "0x5"), null),
        block(Map.of("number", "0x3"), null)));
    assertEquals(-38020, down.get("code").asInt());
    assertEquals("block numbers must be in order: 3 <= 5", down.get("message").asText());
    assertEquals(-38020, rpc.error("eth_simulateV1", payload(block(Map.of("number", "0x0"), null))).get("code").asInt());
    long time = rpc.node.chain.head().timestamp();
    JsonNode sameTime = rpc.error("eth_simulateV1", payload(block(Map.of("time", Hex.quantity(time + 5)), null),
        block(Map.of("time", Hex.quantity(time + 5)), null)));
    assertEquals(-38021, sameTime.get("code").asInt());
    assertEquals("block timestamps must be in order: " + (time + 5) + " <= " + (time + 5), sameTime.get("message").asText());
    JsonNode far = rpc.error("eth_simulateV1", payload(block(Map.of("number", Hex.quantity(BlockSimulator.MAX_BLOCKS + 1)), null)));
    assertEquals(-38026, far.get("code").asInt());
    assertEquals(BlockSimulator.MAX_BLOCKS, rpc.result("eth_simulateV1",
        payload(block(Map.of("number", Hex.quantity(BlockSimulator.MAX_BLOCKS)), null))).size());
    List<Object> many = new ArrayList<>();
    for (int i = 0; i <= BlockSimulator.MAX_BLOCKS; i++) {
      many.add(Map.of());
    }
    assertEquals(-38026, rpc.error("eth_simulateV1", Map.of("blockStateCalls", many)).get("code").asInt());
  }

  @Test
  void badPayloadsAreInvalidParams() {
    JsonNode empty = rpc.error("eth_simulateV1", Map.of("blockStateCalls", List.of()));
    assertEquals(-32602, empty.get("code").asInt());
    assertEquals("empty input", empty.get("message").asText());
    assertEquals(-32602, rpc.error("eth_simulateV1").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of()).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of("blockStateCalls", "0x1")).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of("calls", List.of("0x1"))))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of("call", List.of())))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of()), "validate", true)).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of()), "validation", "yes")).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", payload(block(Map.of("number", "five"), null))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", payload(block(null, Map.of("0x12", Map.of())))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", payload(block(null, null, call(SENDER, "0x12")))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", payload(block(null, null)), "newest").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_simulateV1", payload(block(null, null)), "latest", true).get("code").asInt());
    assertEquals(-32000, rpc.error("eth_simulateV1", payload(block(null, null)), "0x99").get("code").asInt());
  }

  @Test
  void simulatesOnThePendingBlock() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    JsonNode b = rpc.result("eth_simulateV1", payload(block(null, null, call(SENDER, ALICE, "value", "0x1"))), "pending").get(0);
    assertEquals("0x2", b.get("number").asText());
    JsonNode tx = rpc.result("eth_simulateV1", validated(block(null, null,
        call(SENDER, ALICE, "nonce", "0x1", "maxFeePerGas", "0x3b9aca00"))), "pending");
    assertEquals("0x1", tx.get(0).get("calls").get(0).get("status").asText(), "the pool's transaction took nonce 0");
    String parentHash = rpc.result("eth_simulateV1", payload(block(null, code(CONTRACT, PARENT_HASH_CODE),
        call(SENDER, CONTRACT))), "pending").get(0).get("calls").get(0).get("returnData").asText();
    assertEquals(b.get("parentHash").asText(), parentHash, "BLOCKHASH sees the pending block");
  }
}
