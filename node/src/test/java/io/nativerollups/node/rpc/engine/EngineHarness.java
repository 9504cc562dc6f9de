package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.RpcMethods;
import io.nativerollups.node.rpc.json.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node (see {@link RpcHarness}) with its Engine API port's methods, called in process as a consensus client would. */
final class EngineHarness implements AutoCloseable {
  static final String ZERO = "0x" + "00".repeat(32);
  static final String BEACON_ROOT = "0x" + "be".repeat(32);

  final RpcHarness rpc;
  final JsonRpcProcessor engine;

  EngineHarness() throws Exception {
    this(TestNode.genesis());
  }

  EngineHarness(Genesis genesis) throws Exception {
    rpc = new RpcHarness(genesis);
    engine = new JsonRpcProcessor(RpcMethods.engine(rpc.services, rpc.methods), 10);
  }

  /** The dev genesis with {@code fork}'s time ("pragueTime", "osakaTime") set, and the later forks' with it. */
  static Genesis devGenesisWith(String forkTime, long time) throws Exception {
    ObjectNode root = (ObjectNode) JsonRpcProcessor.MAPPER.readTree(Files.readString(Path.of("..", "genesis", "l1-dev.json")));
    ObjectNode config = (ObjectNode) root.get("config");
    List<String> times = List.of("pragueTime", "osakaTime");
    for (String later : times.subList(times.indexOf(forkTime), times.size())) {
      config.put(later, time);
    }
    return Genesis.parse(JsonRpcProcessor.MAPPER.writeValueAsString(root));
  }

  /** The whole response to a call with {@code params} (Java values, serialized as JSON). */
  JsonNode call(String method, Object... params) {
    ObjectNode request = JsonRpcProcessor.MAPPER.createObjectNode();
    request.put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JsonRpcProcessor.MAPPER.valueToTree(p));
    }
    try {
      return JsonRpcProcessor.MAPPER.readTree(engine.process(JsonRpcProcessor.write(request).getBytes(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) {
    JsonNode r = call(method, params);
    assertTrue(r.has("result"), () -> method + ": " + r);
    return r.get("result");
  }

  /** The error code of a call that must fail. */
  int errorCode(String method, Object... params) {
    JsonNode r = call(method, params);
    assertTrue(r.has("error"), () -> method + " should fail: " + r);
    return r.get("error").get("code").asInt();
  }

  /** The head block's hash. */
  String head() {
    return Hex.data(rpc.node.chain.head().hash());
  }

  static Map<String, String> forkchoice(String head, String safe, String finalized) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("headBlockHash", head);
    f.put("safeBlockHash", safe);
    f.put("finalizedBlockHash", finalized);
    return f;
  }

  /** PayloadAttributesV3 with one withdrawal. */
  static Map<String, Object> attributes(long timestamp) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("timestamp", Hex.quantity(timestamp));
    attrs.put("prevRandao", "0x" + "11".repeat(32));
    attrs.put("suggestedFeeRecipient", "0x" + "c0".repeat(20));
    attrs.put("withdrawals", List.of(Map.of("index", "0x0", "validatorIndex", "0x1",
        "address", "0x" + "aa".repeat(20), "amount", "0x64")));
    attrs.put("parentBeaconBlockRoot", BEACON_ROOT);
    return attrs;
  }

  /** Starts building on the head with {@link #attributes} at {@code timestamp} (forkchoiceUpdatedV3) and returns the payload id. */
  String startBuilding(long timestamp) {
    JsonNode fcu = result("engine_forkchoiceUpdatedV3", forkchoice(head(), ZERO, ZERO), attributes(timestamp));
    assertEquals("VALID", fcu.get("payloadStatus").get("status").asText());
    return fcu.get("payloadId").asText();
  }

  @Override
  public void close() {
    rpc.close();
  }
}
