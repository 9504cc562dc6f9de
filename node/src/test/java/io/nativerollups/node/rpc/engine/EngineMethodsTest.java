package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.RpcMethods;
import io.nativerollups.node.rpc.json.Hex;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Node A builds through the Engine API; node B, fed by the test as a consensus client would, imports. */
class EngineMethodsTest {
  private static final String ZERO = "0x" + "00".repeat(32);
  private static final String BEACON_ROOT = "0x" + "be".repeat(32);
  private RpcHarness a;
  private RpcHarness b;
  private JsonRpcProcessor engineA;
  private JsonRpcProcessor engineB;

  @BeforeEach
  void start() throws Exception {
    a = new RpcHarness();
    b = new RpcHarness();
    engineA = new JsonRpcProcessor(RpcMethods.engine(a.services, a.methods), 10);
    engineB = new JsonRpcProcessor(RpcMethods.engine(b.services, b.methods), 10);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  private static JsonNode call(JsonRpcProcessor engine, String method, Object... params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JsonRpcProcessor.MAPPER.valueToTree(p));
    }
    try {
      return JsonRpcProcessor.MAPPER.readTree(engine.process(JsonRpcProcessor.write(request).getBytes(), null));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode result(JsonRpcProcessor engine, String method, Object... params) {
    JsonNode r = call(engine, method, params);
    assertTrue(r.has("result"), () -> method + ": " + r);
    return r.get("result");
  }

  private static int errorCode(JsonRpcProcessor engine, String method, Object... params) {
    JsonNode r = call(engine, method, params);
    assertTrue(r.has("error"), () -> method + " should fail: " + r);
    return r.get("error").get("code").asInt();
  }

  private static Map<String, String> forkchoice(String head, String safe, String finalized) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("headBlockHash", head);
    f.put("safeBlockHash", safe);
    f.put("finalizedBlockHash", finalized);
    return f;
  }

  private static Map<String, Object> attributes(long timestamp) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("timestamp", Hex.quantity(timestamp));
    attrs.put("prevRandao", "0x" + "11".repeat(32));
    attrs.put("suggestedFeeRecipient", "0x" + "c0".repeat(20));
    attrs.put("withdrawals", List.of(Map.of("index", "0x0", "validatorIndex", "0x1",
        "address", "0x" + "aa".repeat(20), "amount", "0x64")));
    attrs.put("parentBeaconBlockRoot", BEACON_ROOT);
    return attrs;
  }

  /** A builds a block with one transfer and returns getPayloadV5's answer. */
  private JsonNode buildOnA() {
    a.result("eth_sendRawTransaction", Hex.data(TransactionEncoder.encode(
        TestNode.transfer(0, Address.fromHex("0x00000000000000000000000000000000000a11ce"), 5))));
    String genesis = Hex.data(a.node.chain.head().hash());
    JsonNode fcu = result(engineA, "engine_forkchoiceUpdatedV3", forkchoice(genesis, ZERO, ZERO), attributes(2000));
    assertEquals("VALID", fcu.get("payloadStatus").get("status").asText());
    String id = fcu.get("payloadId").asText();
    assertEquals(18, id.length());
    assertEquals(-38005, errorCode(engineA, "engine_getPayloadV4", id), "the dev chain is on Osaka");
    return result(engineA, "engine_getPayloadV5", id);
  }

  @Test
  void aPayloadBuiltByOneNodeIsImportedAndMadeHeadByAnother() {
    JsonNode built = buildOnA();
    JsonNode payload = built.get("executionPayload");
    assertEquals(1, payload.get("transactions").size());
    assertEquals(1, payload.get("withdrawals").size());
    assertTrue(Hex.parseUInt256(built.get("blockValue").asText()).compareTo(io.nativerollups.evm.types.UInt256.ZERO) > 0);
    String hash = payload.get("blockHash").asText();
    JsonNode status = result(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, built.get("executionRequests"));
    assertEquals("VALID", status.get("status").asText(), status.toString());
    assertEquals(hash, status.get("latestValidHash").asText());
    assertEquals("0x0", b.result("eth_blockNumber").asText(), "newPayload does not move the head");
    JsonNode again = result(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, built.get("executionRequests"));
    assertEquals("VALID", again.get("status").asText());
    JsonNode fcu = result(engineB, "engine_forkchoiceUpdatedV3", forkchoice(hash, hash, hash), null);
    assertEquals("VALID", fcu.get("payloadStatus").get("status").asText());
    assertTrue(fcu.get("payloadId").isNull());
    assertEquals("0x1", b.result("eth_blockNumber").asText());
    assertEquals(hash, b.result("eth_getBlockByNumber", "finalized", false).get("hash").asText());
    assertEquals("0x64", b.result("eth_getBlockByNumber", "latest", false).get("withdrawals").get(0).get("amount").asText());
  }

  @Test
  void aPayloadThatBreaksARuleIsInvalidAndNotStored() {
    JsonNode built = buildOnA();
    ObjectNode payload = (ObjectNode) built.get("executionPayload").deepCopy();
    payload.put("gasUsed", "0x1");
    // a consistent block hash for the tampered header, so that execution itself must catch it
    var parsed = ExecutionPayloads.parseV3(payload, Hex.parseData(BEACON_ROOT),
        io.nativerollups.evm.block.BlockProcessor.requestsHash(List.of()));
    payload.put("blockHash", Hex.data(parsed.header().hash()));
    JsonNode status = result(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, built.get("executionRequests"));
    assertEquals("INVALID", status.get("status").asText(), status.toString());
    assertEquals(Hex.data(b.node.chain.head().hash()), status.get("latestValidHash").asText());
    assertNotNull(status.get("validationError").asText());
    assertEquals("SYNCING", result(engineB, "engine_forkchoiceUpdatedV3",
        forkchoice(payload.get("blockHash").asText(), ZERO, ZERO), null).get("payloadStatus").get("status").asText());
  }

  @Test
  void wrongBlockHashBlobHashesOrTransactionsAreInvalid() {
    JsonNode built = buildOnA();
    ObjectNode payload = (ObjectNode) built.get("executionPayload").deepCopy();
    ObjectNode badHash = payload.deepCopy();
    badHash.put("stateRoot", ZERO);
    JsonNode status = result(engineB, "engine_newPayloadV4", badHash, List.of(), BEACON_ROOT, List.of());
    assertEquals("INVALID", status.get("status").asText());
    assertTrue(status.get("latestValidHash").isNull());
    assertTrue(status.get("validationError").asText().startsWith("invalid block hash"));
    JsonNode blobs = result(engineB, "engine_newPayloadV4", payload, List.of(ZERO), BEACON_ROOT, List.of());
    assertEquals("INVALID", blobs.get("status").asText());
    ObjectNode emptyTx = payload.deepCopy();
    emptyTx.putArray("transactions").add("0x");
    assertEquals("INVALID", result(engineB, "engine_newPayloadV4", emptyTx, List.of(), BEACON_ROOT, List.of())
        .get("status").asText());
  }

  @Test
  void aPayloadWithAnUnknownParentIsSyncing() {
    JsonNode built = buildOnA();
    ObjectNode payload = (ObjectNode) built.get("executionPayload").deepCopy();
    payload.put("parentHash", "0x" + "12".repeat(32));
    var parsed = ExecutionPayloads.parseV3(payload, Hex.parseData(BEACON_ROOT),
        io.nativerollups.evm.block.BlockProcessor.requestsHash(List.of()));
    payload.put("blockHash", Hex.data(parsed.header().hash()));
    assertEquals("SYNCING", result(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of())
        .get("status").asText());
  }

  @Test
  void structureAndForkErrorsUseTheEngineCodes() {
    JsonNode built = buildOnA();
    JsonNode payload = built.get("executionPayload");
    assertEquals(-38005, errorCode(engineB, "engine_newPayloadV3", payload, List.of(), BEACON_ROOT));
    ObjectNode extra = payload.deepCopy();
    extra.put("blockAccessList", "0x");
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", extra, List.of(), BEACON_ROOT, List.of()));
    ObjectNode missing = payload.deepCopy();
    missing.remove("excessBlobGas");
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", missing, List.of(), BEACON_ROOT, List.of()));
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT));
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01aa", "0x00bb")));
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01")));
    assertEquals(-32602, errorCode(engineB, "engine_newPayloadV4", payload, List.of(), BEACON_ROOT, null));
    assertEquals(-38001, errorCode(engineA, "engine_getPayloadV5", "0x0102030405060708"));
    assertEquals(-32602, errorCode(engineA, "engine_getPayloadV5", "0x01"));
  }

  @Test
  void forkchoiceErrors() {
    String genesis = Hex.data(b.node.chain.head().hash());
    assertEquals("SYNCING", result(engineB, "engine_forkchoiceUpdatedV3",
        forkchoice("0x" + "34".repeat(32), ZERO, ZERO), null).get("payloadStatus").get("status").asText());
    assertEquals(-38002, errorCode(engineB, "engine_forkchoiceUpdatedV3", forkchoice(genesis, ZERO, "0x" + "34".repeat(32)), null));
    assertEquals(-38003, errorCode(engineB, "engine_forkchoiceUpdatedV3", forkchoice(genesis, ZERO, ZERO), attributes(0)));
    Map<String, Object> partial = attributes(5000);
    partial.remove("parentBeaconBlockRoot");
    assertEquals(-38003, errorCode(engineB, "engine_forkchoiceUpdatedV3", forkchoice(genesis, ZERO, ZERO), partial));
    Map<String, String> badState = forkchoice(genesis, ZERO, ZERO);
    badState.remove("safeBlockHash");
    assertEquals(-32602, errorCode(engineB, "engine_forkchoiceUpdatedV3", badState, null));
  }

  @Test
  void capabilitiesListTheServedMethodsAndTheEthSubsetIsThere() {
    JsonNode caps = result(engineB, "engine_exchangeCapabilities", List.of("engine_newPayloadV4"));
    assertEquals(EngineMethods.CAPABILITIES.size(), caps.size());
    assertEquals(-32602, errorCode(engineB, "engine_exchangeCapabilities", "x"));
    assertEquals("0x539", result(engineB, "eth_chainId").asText());
    assertEquals(-32601, errorCode(engineB, "eth_getBalance", "0x" + "00".repeat(20)));
    assertArrayEquals(b.node.chain.head().hash(), Hex.parseData(result(engineB, "eth_getBlockByNumber", "latest", false)
        .get("hash").asText()));
  }
}
