package io.nativerollups.node.rpc.engine;

import static io.nativerollups.node.rpc.engine.EngineHarness.BEACON_ROOT;
import static io.nativerollups.node.rpc.engine.EngineHarness.ZERO;
import static io.nativerollups.node.rpc.engine.EngineHarness.attributes;
import static io.nativerollups.node.rpc.engine.EngineHarness.forkchoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each method version serves its forks' payloads and answers -38005 for others: V1 and V2 (Paris,
 * Shanghai) none of this node's; newPayloadV3/getPayloadV3 Cancun, newPayloadV4 Prague and Osaka,
 * getPayloadV4 Prague, getPayloadV5 Osaka, forkchoiceUpdatedV3 all three.
 */
class EngineMethodVersionsTest {

  /** An Osaka payload built on the dev chain, as the given payload structure version (fields it lacks removed). */
  private static ObjectNode osakaPayload(EngineHarness engine, int structure) {
    ObjectNode payload = (ObjectNode) engine.result("engine_getPayloadV5", engine.startBuilding(2000)).get("executionPayload");
    if (structure < 3) {
      payload.remove(List.of("blobGasUsed", "excessBlobGas"));
    }
    if (structure < 2) {
      payload.remove("withdrawals");
    }
    return payload;
  }

  @Test
  void newPayloadV1AndV2CheckTheirStructureAndServeNoForkOfThisNode() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      assertEquals(-38005, engine.errorCode("engine_newPayloadV1", osakaPayload(engine, 1)));
      assertEquals(-38005, engine.errorCode("engine_newPayloadV2", osakaPayload(engine, 1)));
      assertEquals(-38005, engine.errorCode("engine_newPayloadV2", osakaPayload(engine, 2)));
      assertEquals(-32602, engine.errorCode("engine_newPayloadV1", osakaPayload(engine, 2)), "V1 has no withdrawals");
      assertEquals(-32602, engine.errorCode("engine_newPayloadV2", osakaPayload(engine, 3)), "V2 has no blob gas");
      assertEquals(-32602, engine.errorCode("engine_newPayloadV1", osakaPayload(engine, 1), List.of()));
      ObjectNode badHex = osakaPayload(engine, 1).put("timestamp", "2000");
      assertEquals(-32602, engine.errorCode("engine_newPayloadV1", badHex));
      assertEquals(-32602, engine.errorCode("engine_newPayloadV2"));
    }
  }

  @Test
  void forkchoiceUpdatedV1AndV2ApplyTheForkchoiceButBuildOnNoForkOfThisNode() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      String genesis = engine.head();
      ObjectNode payload = osakaPayload(engine, 3);
      String hash = payload.get("blockHash").asText();
      assertEquals("VALID", engine.result("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of())
          .get("status").asText());
      Map<String, Object> v3 = attributes(3000);
      Map<String, Object> v2 = attributes(3000);
      v2.remove("parentBeaconBlockRoot");
      Map<String, Object> v1 = attributes(3000);
      v1.remove("parentBeaconBlockRoot");
      v1.remove("withdrawals");
      for (String method : List.of("engine_forkchoiceUpdatedV1", "engine_forkchoiceUpdatedV2")) {
        assertEquals(-38005, engine.errorCode(method, forkchoice(hash, ZERO, ZERO), v1), method);
        assertEquals(-38003, engine.errorCode(method, forkchoice(hash, ZERO, ZERO), v3), method);
        assertEquals(genesis, engine.head(), method + " refused the attributes before applying the forkchoice");
      }
      assertEquals(-38003, engine.errorCode("engine_forkchoiceUpdatedV1", forkchoice(hash, ZERO, ZERO), v2));
      assertEquals(-38005, engine.errorCode("engine_forkchoiceUpdatedV2", forkchoice(hash, ZERO, ZERO), v2));
      JsonNode fcu = engine.result("engine_forkchoiceUpdatedV1", forkchoice(hash, ZERO, ZERO), null);
      assertEquals("VALID", fcu.get("payloadStatus").get("status").asText());
      assertEquals(hash, engine.head());
      assertEquals("VALID", engine.result("engine_forkchoiceUpdatedV2", forkchoice(genesis, ZERO, ZERO))
          .get("payloadStatus").get("status").asText());
      assertEquals(genesis, engine.head());
    }
  }

  @Test
  void getPayloadServesEachPayloadOnlyThroughItsForksVersion() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      String osaka = engine.startBuilding(2000);
      for (int v = 1; v <= 4; v++) {
        assertEquals(-38005, engine.errorCode("engine_getPayloadV" + v, osaka), "V" + v);
        assertEquals(-38001, engine.errorCode("engine_getPayloadV" + v, "0x0102030405060708"), "V" + v);
      }
      assertTrue(engine.result("engine_getPayloadV5", osaka).has("executionRequests"));
    }
  }

  @Test
  void aCancunChainIsServedByTheV3Methods() throws Exception {
    try (EngineHarness builder = new EngineHarness(EngineHarness.devGenesisWith("pragueTime", 1_000_000));
        EngineHarness importer = new EngineHarness(EngineHarness.devGenesisWith("pragueTime", 1_000_000))) {
      String id = builder.startBuilding(2000);
      assertEquals(-38005, builder.errorCode("engine_getPayloadV4", id));
      assertEquals(-38005, builder.errorCode("engine_getPayloadV5", id));
      JsonNode built = builder.result("engine_getPayloadV3", id);
      assertFalse(built.has("executionRequests"), "GetPayloadV3Response has no executionRequests");
      assertEquals(List.of("blobsBundle", "blockValue", "executionPayload", "shouldOverrideBuilder"),
          fieldNames(built));
      JsonNode payload = built.get("executionPayload");
      assertEquals(-38005, importer.errorCode("engine_newPayloadV4", payload, List.of(), BEACON_ROOT, List.of()));
      JsonNode status = importer.result("engine_newPayloadV3", payload, List.of(), BEACON_ROOT);
      assertEquals("VALID", status.get("status").asText(), status.toString());
    }
  }

  @Test
  void aPragueToOsakaChainSwitchesVersionsAtTheForkTime() throws Exception {
    try (EngineHarness builder = new EngineHarness(EngineHarness.devGenesisWith("osakaTime", 3000));
        EngineHarness importer = new EngineHarness(EngineHarness.devGenesisWith("osakaTime", 3000))) {
      String prague = builder.startBuilding(2000);
      assertEquals(-38005, builder.errorCode("engine_getPayloadV3", prague));
      assertEquals(-38005, builder.errorCode("engine_getPayloadV5", prague));
      JsonNode pragueBlock = builder.result("engine_getPayloadV4", prague).get("executionPayload");
      assertEquals(-38005, importer.errorCode("engine_newPayloadV3", pragueBlock, List.of(), BEACON_ROOT));
      assertEquals("VALID", importer.result("engine_newPayloadV4", pragueBlock, List.of(), BEACON_ROOT, List.of())
          .get("status").asText());
      String pragueHash = pragueBlock.get("blockHash").asText();
      builder.result("engine_forkchoiceUpdatedV3", forkchoice(pragueHash, ZERO, ZERO), null);
      String osaka = builder.startBuilding(3000);
      assertEquals(-38005, builder.errorCode("engine_getPayloadV4", osaka));
      JsonNode osakaBlock = builder.result("engine_getPayloadV5", osaka).get("executionPayload");
      assertEquals("VALID", importer.result("engine_newPayloadV4", osakaBlock, List.of(), BEACON_ROOT, List.of())
          .get("status").asText());
    }
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }
}
