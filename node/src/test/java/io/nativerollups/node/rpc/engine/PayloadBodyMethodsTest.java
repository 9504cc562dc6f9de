package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.json.Hex;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** engine_getPayloadBodiesByHashV1 and ByRangeV1 over a sealed chain of three blocks. */
class PayloadBodyMethodsTest {
  private static final String UNKNOWN = "0x" + "77".repeat(32);
  private EngineHarness engine;
  private Block first;
  private Block second;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    first = engine.rpc.node.seal();
    engine.rpc.sendRaw(TestNode.transfer(1, TestNode.ALICE, 6));
    second = engine.rpc.node.seal();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static void assertBody(Block block, JsonNode body) {
    assertEquals(block.transactionEnvelopes().size(), body.get("transactions").size());
    for (int i = 0; i < block.transactionEnvelopes().size(); i++) {
      assertEquals(Hex.data(block.transactionEnvelopes().get(i)), body.get("transactions").get(i).asText());
    }
    assertTrue(body.get("withdrawals").isArray());
    assertEquals(block.withdrawals().size(), body.get("withdrawals").size());
  }

  @Test
  void byHashAnswersInRequestOrderWithNullForUnknownBlocks() {
    JsonNode bodies = engine.result("engine_getPayloadBodiesByHashV1",
        List.of(Hex.data(second.header().hash()), UNKNOWN, Hex.data(first.header().hash())));
    assertEquals(3, bodies.size());
    assertBody(second, bodies.get(0));
    assertTrue(bodies.get(1).isNull());
    assertBody(first, bodies.get(2));
    assertEquals(0, engine.result("engine_getPayloadBodiesByHashV1", List.of()).size());
  }

  @Test
  void byRangeAnswersTheCanonicalBlocksCutAtTheHead() {
    JsonNode bodies = engine.result("engine_getPayloadBodiesByRangeV1", "0x1", "0x10");
    assertEquals(2, bodies.size(), "no trailing nulls past the head");
    assertBody(first, bodies.get(0));
    assertBody(second, bodies.get(1));
    JsonNode one = engine.result("engine_getPayloadBodiesByRangeV1", "0x2", "0x1");
    assertEquals(1, one.size());
    assertBody(second, one.get(0));
    assertEquals(0, engine.result("engine_getPayloadBodiesByRangeV1", "0x3", "0x5").size());
    assertEquals(0, engine.result("engine_getPayloadBodiesByRangeV1", "0xffffffffffffffff", "0x400").size());
  }

  @Test
  void badOrTooLargeRequestsAreRefused() {
    assertEquals(-38004, engine.errorCode("engine_getPayloadBodiesByHashV1",
        Collections.nCopies(PayloadBodyMethods.MAX_REQUEST + 1, UNKNOWN)));
    assertEquals(PayloadBodyMethods.MAX_REQUEST, engine.result("engine_getPayloadBodiesByHashV1",
        Collections.nCopies(PayloadBodyMethods.MAX_REQUEST, UNKNOWN)).size());
    assertEquals(-38004, engine.errorCode("engine_getPayloadBodiesByRangeV1", "0x1", "0x401"));
    assertEquals(2, engine.result("engine_getPayloadBodiesByRangeV1", "0x1", "0x400").size());
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByRangeV1", "0x0", "0x1"));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByRangeV1", "0x1", "0x0"));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByRangeV1", "0x1"));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByRangeV1", 1, 1));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByRangeV1", "0x1", "0x1", "0x1"));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByHashV1", List.of("0x12")));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByHashV1", UNKNOWN));
    assertEquals(-32602, engine.errorCode("engine_getPayloadBodiesByHashV1"));
  }
}
