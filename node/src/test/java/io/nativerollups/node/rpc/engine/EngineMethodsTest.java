package io.nativerollups.node.rpc.engine;

import static io.nativerollups.node.rpc.engine.EngineHarness.BEACON_ROOT;
import static io.nativerollups.node.rpc.engine.EngineHarness.ZERO;
import static io.nativerollups.node.rpc.engine.EngineHarness.attributes;
import static io.nativerollups.node.rpc.engine.EngineHarness.forkchoice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Node A builds through the Engine API; node B, fed by the test as a consensus client would, imports. */
class EngineMethodsTest {
  private EngineHarness a;
  private EngineHarness b;

  @BeforeEach
  void start() throws Exception {
    a = new EngineHarness();
    b = new EngineHarness();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  /** A builds a block with one transfer on its genesis and returns getPayloadV5's answer. */
  private JsonNode buildOnA() {
    a.rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    String id = a.startBuilding(2000);
    assertEquals(18, id.length());
    return a.result("engine_getPayloadV5", id);
  }

  /** Recomputes the payload's blockHash after a test changed a header field (no execution requests). */
  private static ObjectNode rehash(ObjectNode payload) {
    var parsed = ExecutionPayloads.parse(payload, 3, Hex.parseData(BEACON_ROOT), BlockProcessor.requestsHash(List.of()));
    return payload.put("blockHash", Hex.data(parsed.header().hash()));
  }

  private JsonNode newPayloadOnB(JsonNode payload) {
    return b.result("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of());
  }

  private static void assertStatus(String status, String latestValidHash, JsonNode payloadStatus) {
    assertEquals(status, payloadStatus.get("status").asText(), payloadStatus.toString());
    if (latestValidHash == null) {
      assertTrue(payloadStatus.get("latestValidHash").isNull(), payloadStatus.toString());
    } else {
      assertEquals(latestValidHash, payloadStatus.get("latestValidHash").asText(), payloadStatus.toString());
    }
  }

  @Test
  void aPayloadBuiltByOneNodeIsImportedAndMadeHeadByAnother() {
    JsonNode built = buildOnA();
    JsonNode payload = built.get("executionPayload");
    assertEquals(1, payload.get("transactions").size());
    assertEquals(1, payload.get("withdrawals").size());
    assertTrue(Hex.parseUInt256(built.get("blockValue").asText()).compareTo(UInt256.ZERO) > 0);
    String hash = payload.get("blockHash").asText();
    JsonNode status = b.result("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, built.get("executionRequests"));
    assertStatus("VALID", hash, status);
    assertTrue(status.get("validationError").isNull());
    assertEquals("0x0", b.rpc.result("eth_blockNumber").asText(), "newPayload does not move the head");
    assertStatus("VALID", hash, newPayloadOnB(payload));
    JsonNode fcu = b.result("engine_forkchoiceUpdatedV3", forkchoice(hash, hash, hash), null);
    assertStatus("VALID", hash, fcu.get("payloadStatus"));
    assertTrue(fcu.get("payloadId").isNull());
    assertEquals("0x1", b.rpc.result("eth_blockNumber").asText());
    assertEquals(hash, b.rpc.result("eth_getBlockByNumber", "finalized", false).get("hash").asText());
    assertEquals("0x64", b.rpc.result("eth_getBlockByNumber", "latest", false).get("withdrawals").get(0).get("amount").asText());
  }

  @Test
  void aPayloadThatBreaksARuleIsInvalidWithItsParentAsLatestValidAndNotStored() {
    ObjectNode payload = rehash(((ObjectNode) buildOnA().get("executionPayload")).put("gasUsed", "0x1"));
    String genesis = b.head();
    JsonNode status = newPayloadOnB(payload);
    assertStatus("INVALID", genesis, status);
    assertTrue(status.get("validationError").asText().contains("INVALID_GAS_USED"), status.toString());
    assertEquals(0, b.rpc.node.chain.receipts(Hex.parseData(payload.get("blockHash").asText())).size());
    assertTrue(b.rpc.node.chain.headerByHash(Hex.parseData(payload.get("blockHash").asText())).isEmpty());
  }

  @Test
  void aWrongStateRootIsInvalid() {
    ObjectNode payload = rehash(((ObjectNode) buildOnA().get("executionPayload")).put("stateRoot", "0x" + "12".repeat(32)));
    JsonNode status = newPayloadOnB(payload);
    assertStatus("INVALID", b.head(), status);
    assertTrue(status.get("validationError").asText().contains("state root"), status.toString());
  }

  @Test
  void anInvalidTransactionMakesThePayloadInvalid() {
    ObjectNode payload = (ObjectNode) buildOnA().get("executionPayload");
    ObjectNode undecodable = payload.deepCopy();
    undecodable.putArray("transactions").add("0x02ff");
    assertStatus("INVALID", null, newPayloadOnB(rehash(undecodable)));
    ObjectNode empty = payload.deepCopy();
    empty.putArray("transactions").add("0x");
    assertStatus("INVALID", null, newPayloadOnB(empty));
    ObjectNode wrongNonce = payload.deepCopy();
    wrongNonce.putArray("transactions").add(RpcHarness.raw(TestNode.transfer(7, TestNode.ALICE, 5)));
    JsonNode status = newPayloadOnB(rehash(wrongNonce));
    assertStatus("INVALID", b.head(), status);
    assertTrue(status.get("validationError").asText().contains("nonce"), status.toString());
  }

  @Test
  void descendantsOfAnInvalidPayloadAreInvalidAndForkchoiceToThemToo() {
    ObjectNode bad = rehash(((ObjectNode) buildOnA().get("executionPayload")).put("stateRoot", "0x" + "12".repeat(32)));
    String genesis = b.head();
    assertStatus("INVALID", genesis, newPayloadOnB(bad));
    assertStatus("INVALID", genesis, newPayloadOnB(bad));
    ObjectNode child = bad.deepCopy();
    child.put("parentHash", bad.get("blockHash").asText()).put("blockNumber", "0x2").put("timestamp", Hex.quantity(2012));
    child.putArray("transactions");
    rehash(child);
    JsonNode status = newPayloadOnB(child);
    assertStatus("INVALID", genesis, status);
    assertTrue(status.get("validationError").asText().startsWith("descends from invalid block " + bad.get("blockHash").asText()),
        status.toString());
    JsonNode fcu = b.result("engine_forkchoiceUpdatedV3", forkchoice(child.get("blockHash").asText(), ZERO, ZERO), null);
    assertStatus("INVALID", genesis, fcu.get("payloadStatus"));
    assertTrue(fcu.get("payloadId").isNull());
    assertEquals(genesis, b.head());
  }

  @Test
  void wrongBlockHashBlobHashesRequestsOrTransactionsAreInvalidWithoutLatestValidHash() {
    JsonNode built = buildOnA();
    ObjectNode payload = (ObjectNode) built.get("executionPayload").deepCopy();
    ObjectNode badHash = payload.deepCopy();
    badHash.put("stateRoot", ZERO);
    JsonNode status = newPayloadOnB(badHash);
    assertStatus("INVALID", null, status);
    assertTrue(status.get("validationError").asText().startsWith("invalid block hash"));
    assertStatus("INVALID", null, b.result("engine_newPayloadV4", payload, List.of(ZERO), BEACON_ROOT, List.of()));
    // the requests and the beacon root are committed to in the header, so other ones break the block hash
    assertStatus("INVALID", null, b.result("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01aa")));
    assertStatus("INVALID", null, b.result("engine_newPayloadV4", payload, List.of(), ZERO, List.of()));
  }

  @Test
  void aPayloadWithAnUnknownParentIsSyncing() {
    ObjectNode payload = rehash(((ObjectNode) buildOnA().get("executionPayload")).put("parentHash", "0x" + "12".repeat(32)));
    JsonNode status = newPayloadOnB(payload);
    assertStatus("SYNCING", null, status);
    assertTrue(status.get("validationError").isNull());
  }

  @Test
  void structureAndForkErrorsUseTheEngineCodes() {
    JsonNode payload = buildOnA().get("executionPayload");
    assertEquals(-38005, b.errorCode("engine_newPayloadV3", payload, List.of(), BEACON_ROOT));
    ObjectNode extra = payload.deepCopy();
    extra.put("blockAccessList", "0x");
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", extra, List.of(), BEACON_ROOT, List.of()));
    for (String field : List.of("excessBlobGas", "withdrawals", "transactions", "blockHash")) {
      ObjectNode missing = payload.deepCopy();
      missing.remove(field);
      assertEquals(-32602, b.errorCode("engine_newPayloadV4", missing, List.of(), BEACON_ROOT, List.of()), field);
      missing.putNull(field);
      assertEquals(-32602, b.errorCode("engine_newPayloadV4", missing, List.of(), BEACON_ROOT, List.of()), field);
    }
    ObjectNode badWithdrawal = payload.deepCopy();
    badWithdrawal.putArray("withdrawals").addObject().put("index", "0x0");
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", badWithdrawal, List.of(), BEACON_ROOT, List.of()));
    ObjectNode badHex = payload.deepCopy();
    badHex.put("gasUsed", "12");
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", badHex, List.of(), BEACON_ROOT, List.of()));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), null, List.of()));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), "0x12", List.of()));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, null, BEACON_ROOT, List.of()));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01aa", "0x00bb")));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01aa", "0x01bb")));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of("0x01")));
    assertEquals(-32602, b.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, null));
    assertEquals(-38001, a.errorCode("engine_getPayloadV5", "0x0102030405060708"));
    assertEquals(-32602, a.errorCode("engine_getPayloadV5", "0x01"));
  }

  @Test
  void forkchoiceToAnUnknownHeadIsSyncingAndChangesNothing() {
    String genesis = b.head();
    JsonNode fcu = b.result("engine_forkchoiceUpdatedV3", forkchoice("0x" + "34".repeat(32), ZERO, ZERO), attributes(5000));
    assertStatus("SYNCING", null, fcu.get("payloadStatus"));
    assertTrue(fcu.get("payloadId").isNull());
    assertEquals(genesis, b.head());
  }

  @Test
  void safeOrFinalizedOffTheHeadsChainIsAnInvalidForkchoiceStateAndChangesNothing() {
    JsonNode first = buildOnA().get("executionPayload");
    JsonNode sibling = a.result("engine_getPayloadV5", a.startBuilding(3000)).get("executionPayload");
    assertStatus("VALID", first.get("blockHash").asText(), newPayloadOnB(first));
    assertStatus("VALID", sibling.get("blockHash").asText(), newPayloadOnB(sibling));
    String head = first.get("blockHash").asText();
    String other = sibling.get("blockHash").asText();
    String genesis = b.head();
    assertEquals(-38002, b.errorCode("engine_forkchoiceUpdatedV3", forkchoice(head, other, ZERO), null));
    assertEquals(-38002, b.errorCode("engine_forkchoiceUpdatedV3", forkchoice(head, ZERO, other), null));
    assertEquals(-38002, b.errorCode("engine_forkchoiceUpdatedV3", forkchoice(head, ZERO, "0x" + "34".repeat(32)), null));
    assertEquals(genesis, b.head());
    assertArrayEquals(new byte[32], b.rpc.node.chain.finalizedHash());
    assertStatus("VALID", head, b.result("engine_forkchoiceUpdatedV3", forkchoice(head, genesis, genesis), null)
        .get("payloadStatus"));
    assertEquals(head, b.head());
    // a reorg to the sibling
    assertStatus("VALID", other, b.result("engine_forkchoiceUpdatedV3", forkchoice(other, genesis, genesis), null)
        .get("payloadStatus"));
    assertEquals(other, b.head());
  }

  @Test
  void malformedPayloadAttributesAreRefusedBeforeTheForkchoiceIsApplied() {
    JsonNode payload = buildOnA().get("executionPayload");
    assertStatus("VALID", payload.get("blockHash").asText(), newPayloadOnB(payload));
    String genesis = b.head();
    Map<String, String> toBlock1 = forkchoice(payload.get("blockHash").asText(), ZERO, ZERO);
    for (String field : List.of("parentBeaconBlockRoot", "withdrawals", "timestamp", "prevRandao", "suggestedFeeRecipient")) {
      Map<String, Object> missing = attributes(5000);
      missing.remove(field);
      assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", toBlock1, missing), field);
      missing.put(field, null);
      assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", toBlock1, missing), field);
    }
    Map<String, Object> extra = attributes(5000);
    extra.put("slotNumber", "0x1");
    assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", toBlock1, extra));
    Map<String, Object> badWithdrawal = attributes(5000);
    badWithdrawal.put("withdrawals", List.of(Map.of("index", "0x0")));
    assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", toBlock1, badWithdrawal));
    assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", toBlock1, "0x12"));
    assertEquals(genesis, b.head(), "no attributes error moved the head");
    Map<String, String> badState = forkchoice(genesis, ZERO, ZERO);
    badState.remove("safeBlockHash");
    assertEquals(-32602, b.errorCode("engine_forkchoiceUpdatedV3", badState, null));
    assertEquals(-32602, b.errorCode("engine_forkchoiceUpdatedV3", forkchoice(genesis, "0x12", ZERO), null));
  }

  @Test
  void attributesNotAfterTheHeadAreRefusedButTheForkchoiceStaysApplied() {
    JsonNode payload = buildOnA().get("executionPayload");
    String hash = payload.get("blockHash").asText();
    assertStatus("VALID", hash, newPayloadOnB(payload));
    assertEquals(-38003, b.errorCode("engine_forkchoiceUpdatedV3", forkchoice(hash, ZERO, ZERO), attributes(2000)));
    assertEquals(hash, b.head(), "the spec: the forkchoice update is not rolled back");
    String id = b.startBuilding(2012);
    assertEquals(hash, b.result("engine_getPayloadV5", id).get("executionPayload").get("parentHash").asText());
  }

  @Test
  void capabilitiesListExactlyTheEngineMethodsServedAndTheEthSubsetIsThere() {
    JsonNode caps = b.result("engine_exchangeCapabilities", List.of("engine_newPayloadV4"));
    TreeSet<String> listed = new TreeSet<>();
    caps.forEach(c -> listed.add(c.asText()));
    assertEquals(new TreeSet<>(List.of("engine_newPayloadV1", "engine_newPayloadV2", "engine_newPayloadV3",
        "engine_newPayloadV4", "engine_forkchoiceUpdatedV1", "engine_forkchoiceUpdatedV2", "engine_forkchoiceUpdatedV3",
        "engine_getPayloadV1", "engine_getPayloadV2", "engine_getPayloadV3", "engine_getPayloadV4", "engine_getPayloadV5",
        "engine_getBlobsV1", "engine_getBlobsV2", "engine_getBlobsV3", "engine_getPayloadBodiesByHashV1",
        "engine_getPayloadBodiesByRangeV1", "engine_getClientVersionV1")), listed);
    for (String method : listed) {
      assertTrue(b.call(method).has("error") && b.call(method).get("error").get("code").asInt() != -32601, method);
    }
    assertEquals(-32602, b.errorCode("engine_exchangeCapabilities", "x"));
    assertEquals("0x539", b.result("eth_chainId").asText());
    assertEquals(-32601, b.errorCode("eth_getBalance", "0x" + "00".repeat(20)));
    assertArrayEquals(b.rpc.node.chain.head().hash(), Hex.parseData(b.result("eth_getBlockByNumber", "latest", false)
        .get("hash").asText()));
  }
}
