package io.nativerollups.node.rpc.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.eth.Contracts;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * debug_traceTransaction, debug_traceBlockByNumber, debug_traceBlockByHash and debug_traceCall on
 * a chain of hand-assembled contracts: a caller that CALLs a storing and logging callee, then a
 * callee reverting with Error("no").
 */
class DebugTraceMethodsTest {
  private static final Address STORE = EVM.createAddress(TestNode.SENDER, 0);
  private static final Address REVERT = EVM.createAddress(TestNode.SENDER, 1);
  private static final Address CALLER = EVM.createAddress(TestNode.SENDER, 2);
  private static final long CALL_GAS = 300_000;

  private RpcHarness rpc;
  /** The block holding two calls of CALLER, the second finding slot 0 already written. */
  private Block block;
  private Transaction first;
  private Transaction second;

  @BeforeEach
  void start() throws Exception {
    rpc = new RpcHarness();
    send(Contracts.tx(0, null, deployer(Contracts.STORE_AND_LOG), 200_000));
    send(Contracts.tx(1, null, deployer(Contracts.REVERT_NO), 200_000));
    // CALL(GAS, STORE, 0, 0, 0, 0, 0); POP; CALL(GAS, REVERT, 0, 0, 0, 0, 0); POP; STOP
    send(Contracts.tx(2, null, deployer(Contracts.hex(
        "60006000600060006000" + "73" + hex(STORE) + "5af150"
            + "60006000600060006000" + "73" + hex(REVERT) + "5af15000")), 200_000));
    rpc.node.seal();
    first = Contracts.tx(3, CALLER, new byte[0], CALL_GAS);
    second = Contracts.tx(4, CALLER, new byte[0], CALL_GAS);
    send(first);
    send(second);
    block = rpc.node.seal();
    assertEquals(2, block.transactions().size());
  }

  @AfterEach
  void stop() {
    rpc.close();
  }

  private void send(Transaction tx) {
    rpc.result("eth_sendRawTransaction", Hex.data(TransactionEncoder.encode(tx)));
  }

  private static String hex(Address a) {
    return a.toHexString().substring(2);
  }

  /** Init code returning {@code runtime} (shorter than 256 bytes). */
  private static byte[] deployer(byte[] runtime) {
    String n = String.format("%02x", runtime.length);
    return Contracts.hex("60" + n + "600c60003960" + n + "6000f3" + HexFormat.of().formatHex(runtime));
  }

  private static String hash(Transaction tx) {
    return Hex.data(TransactionHasher.hash(tx));
  }

  private long receiptGas(Transaction tx) {
    return Hex.parseLong(rpc.result("eth_getTransactionReceipt", hash(tx)).get("gasUsed").asText());
  }

  @Test
  void callTracerGivesTheTreeOfFramesWithLogsAndTheRevertReason() {
    JsonNode top = rpc.result("debug_traceTransaction", hash(first),
        Map.of("tracer", "callTracer", "tracerConfig", Map.of("withLog", true)));
    assertEquals("CALL", top.get("type").asText());
    assertEquals(TestNode.SENDER.toHexString(), top.get("from").asText());
    assertEquals(CALLER.toHexString(), top.get("to").asText());
    assertEquals(Hex.quantity(CALL_GAS), top.get("gas").asText(), "the top frame's gas is the transaction's limit");
    assertEquals(Hex.quantity(receiptGas(first)), top.get("gasUsed").asText());
    assertEquals("0x", top.get("input").asText());
    assertFalse(top.has("output"), "no output: left out");
    JsonNode calls = top.get("calls");
    assertEquals(2, calls.size());
    JsonNode store = calls.get(0);
    assertEquals("CALL", store.get("type").asText());
    assertEquals(CALLER.toHexString(), store.get("from").asText());
    assertEquals(STORE.toHexString(), store.get("to").asText());
    assertEquals("0x0", store.get("value").asText());
    // five pushes, a cold SSTORE of a new value, LOG1 with one topic and no data
    assertEquals(Hex.quantity(5 * 3 + 22_100 + 375 + 375), store.get("gasUsed").asText());
    JsonNode log = store.get("logs").get(0);
    assertEquals(STORE.toHexString(), log.get("address").asText());
    assertEquals(Contracts.TOPIC_1, log.get("topics").get(0).asText());
    assertEquals("0x", log.get("data").asText());
    assertEquals("0x0", log.get("position").asText());
    JsonNode revert = calls.get(1);
    assertEquals("execution reverted", revert.get("error").asText());
    assertEquals("no", revert.get("revertReason").asText());
    assertEquals(Hex.data(Arrays.copyOfRange(Contracts.REVERT_NO, 12, 112)), revert.get("output").asText());
    assertFalse(revert.has("calls"));
  }

  @Test
  void onlyTopCallLeavesOutNestedFramesAndTheirLogs() {
    JsonNode top = rpc.result("debug_traceTransaction", hash(first),
        Map.of("tracer", "callTracer", "tracerConfig", Map.of("onlyTopCall", true, "withLog", true)));
    assertFalse(top.has("calls"));
    assertFalse(top.has("logs"));
    assertEquals(Hex.quantity(receiptGas(first)), top.get("gasUsed").asText());
  }

  @Test
  void structLoggerListsEveryStepAndTheReceiptsGas() {
    JsonNode trace = rpc.result("debug_traceTransaction", hash(first));
    assertEquals(receiptGas(first), trace.get("gas").asLong());
    assertFalse(trace.get("failed").asBoolean());
    assertEquals("0x", trace.get("returnValue").asText());
    JsonNode logs = trace.get("structLogs");
    JsonNode firstStep = logs.get(0);
    assertEquals(0, firstStep.get("pc").asInt());
    assertEquals("PUSH1", firstStep.get("op").asText());
    assertEquals(CALL_GAS - 21_000, firstStep.get("gas").asLong());
    assertEquals(3, firstStep.get("gasCost").asLong());
    assertEquals(1, firstStep.get("depth").asInt());
    assertEquals(0, firstStep.get("stack").size());
    assertEquals(0, firstStep.get("refund").asLong());
    assertFalse(firstStep.has("memory"), "memory is off by default");
    JsonNode last = logs.get(logs.size() - 1);
    assertEquals("STOP", last.get("op").asText());
    assertEquals(1, last.get("depth").asInt());
    JsonNode sstore = step(logs, "SSTORE");
    assertEquals(2, sstore.get("depth").asInt());
    assertEquals(22_100, sstore.get("gasCost").asLong());
    assertEquals(List.of("0x2a", "0x0"), texts(sstore.get("stack")));
    assertEquals("0x" + "00".repeat(31) + "2a",
        sstore.get("storage").get("0x" + "00".repeat(32)).asText());
    JsonNode revert = step(logs, "REVERT");
    assertEquals(2, revert.get("depth").asInt());
    assertFalse(revert.has("error"), "a REVERT is no halt");
    for (JsonNode step : logs) {
      if (!step.get("op").asText().startsWith("S")) {
        assertFalse(step.has("storage"), "storage only at SLOAD and SSTORE: " + step);
      }
    }
  }

  @Test
  void traceOfALaterTransactionReplaysTheEarlierOnesOfItsBlock() {
    JsonNode logs = rpc.result("debug_traceTransaction", hash(second)).get("structLogs");
    // slot 0 already holds 42: a cold no-op write
    assertEquals(2_100 + 100, step(logs, "SSTORE").get("gasCost").asLong());
    assertEquals(receiptGas(second), rpc.result("debug_traceTransaction", hash(second)).get("gas").asLong());
  }

  @Test
  void structLoggerOptionsShapeTheEntries() {
    JsonNode logs = rpc.result("debug_traceTransaction", hash(first), Map.of("disableStack", true,
        "disableStorage", true, "enableMemory", true, "enableReturnData", true, "limit", 10)).get("structLogs");
    assertEquals(10, logs.size());
    for (JsonNode step : logs) {
      assertFalse(step.has("stack"));
      assertFalse(step.has("storage"));
      assertTrue(step.has("memory"));
      assertTrue(step.has("returnData"));
    }
    JsonNode full = rpc.result("debug_traceTransaction", hash(first), Map.of("enableMemory", true)).get("structLogs");
    JsonNode revert = step(full, "REVERT");
    assertEquals(4, revert.get("memory").size(), "100 bytes copied: four words");
    assertTrue(revert.get("memory").get(0).asText().matches("0x[0-9a-f]{64}"));
  }

  @Test
  void blockTracesListEachTransactionWithItsHash() {
    Map<String, Object> callTracer = Map.of("tracer", "callTracer");
    JsonNode byNumber = rpc.result("debug_traceBlockByNumber", Hex.quantity(block.header().number()), callTracer);
    JsonNode byHash = rpc.result("debug_traceBlockByHash", Hex.data(block.header().hash()), callTracer);
    assertEquals(byNumber, byHash);
    assertEquals(2, byNumber.size());
    assertEquals(hash(first), byNumber.get(0).get("txHash").asText());
    assertEquals(hash(second), byNumber.get(1).get("txHash").asText());
    assertEquals(rpc.result("debug_traceTransaction", hash(second), callTracer), byNumber.get(1).get("result"));
    JsonNode structLogs = rpc.result("debug_traceBlockByNumber", "latest");
    assertEquals(receiptGas(first), structLogs.get(0).get("result").get("gas").asLong());
    JsonNode empty = rpc.result("debug_traceBlockByNumber", "0x1");
    assertEquals(3, empty.size(), "the deployments' block");
  }

  @Test
  void traceCallRunsLikeEthCallWithStateOverrides() {
    Address target = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    Map<String, Object> call = Map.of("from", TestNode.SENDER.toHexString(), "to", target.toHexString());
    JsonNode top = rpc.result("debug_traceCall", call, "latest", Map.of("tracer", "callTracer",
        "stateOverrides", Map.of(target.toHexString(), Map.of("code", Hex.data(Contracts.STORE_AND_LOG)))));
    assertEquals(target.toHexString(), top.get("to").asText());
    assertFalse(top.has("error"));
    JsonNode logs = rpc.result("debug_traceCall", Map.of("from", TestNode.SENDER.toHexString(),
        "to", CALLER.toHexString())).get("structLogs");
    assertEquals("STOP", logs.get(logs.size() - 1).get("op").asText());
    Map<String, Object> number = Map.of(target.toHexString(), Map.of("code", "0x4300")); // NUMBER; STOP
    JsonNode overridden = rpc.result("debug_traceCall", call, "latest",
        Map.of("stateOverrides", number, "blockOverrides", Map.of("number", "0x99"))).get("structLogs");
    assertEquals(List.of("0x99"), texts(overridden.get(1).get("stack")), "NUMBER reads the overridden block");
    JsonNode reverted = rpc.result("debug_traceCall", Map.of("to", REVERT.toHexString()), "latest",
        Map.of("tracer", "callTracer"));
    assertEquals("no", reverted.get("revertReason").asText(), "a reverting call is traced, not an error");
  }

  @Test
  void prestateTracerListsTouchedAccountsAsTheyWereBefore() {
    JsonNode pre = rpc.result("debug_traceTransaction", hash(second), Map.of("tracer", "prestateTracer"));
    JsonNode sender = pre.get(TestNode.SENDER.toHexString());
    assertEquals(4, sender.get("nonce").asLong(), "the nonce before the second call");
    JsonNode store = pre.get(STORE.toHexString());
    assertEquals(Hex.data(Contracts.STORE_AND_LOG), store.get("code").asText());
    assertEquals("0x" + "00".repeat(31) + "2a", store.get("storage").get("0x" + "00".repeat(32)).asText(),
        "the first call of the block wrote 42 before");
    assertTrue(pre.has(REVERT.toHexString()));
    assertTrue(pre.has(CALLER.toHexString()));
    assertTrue(pre.has(TestNode.COINBASE.toHexString()));
    assertEquals("0x0", pre.get(REVERT.toHexString()).get("balance").asText());

    JsonNode diff = rpc.result("debug_traceTransaction", hash(first),
        Map.of("tracer", "prestateTracer", "tracerConfig", Map.of("diffMode", true)));
    JsonNode post = diff.get("post");
    assertEquals("0x" + "00".repeat(31) + "2a", post.get(STORE.toHexString()).get("storage")
        .get("0x" + "00".repeat(32)).asText());
    assertFalse(diff.get("pre").get(STORE.toHexString()).has("storage"), "the slot was empty before");
    assertEquals(4, post.get(TestNode.SENDER.toHexString()).get("nonce").asLong());
    assertFalse(post.has(REVERT.toHexString()), "the reverted callee changed nothing");
    assertFalse(diff.get("pre").has(REVERT.toHexString()));
  }

  @Test
  void unknownTransactionsAndBlocksAreServerErrors() {
    assertEquals(-32000, rpc.error("debug_traceTransaction", "0x" + "11".repeat(32)).get("code").asInt());
    assertEquals(-32000, rpc.error("debug_traceBlockByNumber", "0x99").get("code").asInt());
    assertEquals(-32000, rpc.error("debug_traceBlockByHash", "0x" + "11".repeat(32)).get("code").asInt());
    JsonNode genesis = rpc.error("debug_traceBlockByNumber", "0x0");
    assertEquals(-32000, genesis.get("code").asInt());
    assertEquals("genesis is not traceable", genesis.get("message").asText());
    Map<String, Object> broke = Map.of("from", "0x00000000000000000000000000000000000b0b0b",
        "to", CALLER.toHexString(), "gasPrice", "0x3b9aca00", "value", "0x1");
    assertEquals(-32000, rpc.error("debug_traceCall", broke).get("code").asInt());
  }

  @Test
  void badParametersAreInvalidParams() {
    String tx = hash(first);
    List<JsonNode> errors = new ArrayList<>();
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("tracer", "nosuchTracer")));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("disableStack", "yes")));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("limit", -1)));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("timeout", "soon")));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("timeout", "-5s")));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of("tracer", "callTracer", "tracerConfig", 5)));
    errors.add(rpc.error("debug_traceTransaction", tx,
        Map.of("tracer", "callTracer", "tracerConfig", Map.of("withLog", "yes"))));
    errors.add(rpc.error("debug_traceTransaction", tx,
        Map.of("tracer", "prestateTracer", "tracerConfig", Map.of("diffMode", 1))));
    errors.add(rpc.error("debug_traceTransaction", tx, "not an object"));
    errors.add(rpc.error("debug_traceTransaction", tx, Map.of(), "extra"));
    errors.add(rpc.error("debug_traceTransaction"));
    errors.add(rpc.error("debug_traceTransaction", "0x1234"));
    errors.add(rpc.error("debug_traceBlockByNumber", "yesterday"));
    errors.add(rpc.error("debug_traceBlockByHash", "0x12"));
    errors.add(rpc.error("debug_traceCall", Map.of("to", 5)));
    errors.add(rpc.error("debug_traceCall", Map.of("to", CALLER.toHexString()), "latest",
        Map.of("blockOverrides", List.of())));
    errors.add(rpc.error("debug_traceCall", Map.of("to", CALLER.toHexString()), "latest",
        Map.of("stateOverrides", List.of())));
    for (JsonNode e : errors) {
      assertEquals(-32602, e.get("code").asInt(), e.toString());
    }
    assertTrue(errors.get(0).get("message").asText().contains("nosuchTracer"), errors.get(0).toString());
  }

  @Test
  void aTraceRunningPastItsTimeoutIsAnError() {
    JsonNode error = rpc.error("debug_traceTransaction", hash(first), Map.of("timeout", "1ns"));
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("execution timeout", error.get("message").asText());
    assertEquals(receiptGas(first),
        rpc.result("debug_traceTransaction", hash(first), Map.of("timeout", "1m30s")).get("gas").asLong());
  }

  private static JsonNode step(JsonNode logs, String op) {
    for (JsonNode step : logs) {
      if (step.get("op").asText().equals(op)) {
        return step;
      }
    }
    throw new AssertionError("no " + op + " step");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
