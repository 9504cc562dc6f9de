package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Post-merge blocks have no uncles: counts are zero for known blocks, uncles are never found. */
class EthUncleMethodsTest {
  private static final String UNKNOWN_HASH = "0x" + "ab".repeat(32);
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  @BeforeEach
  void start() throws Exception {
    rpc.node.seal();
  }

  @Test
  void knownBlocksHaveNoUncles() {
    String head = Hex.data(rpc.node.chain.head().hash());
    assertEquals("0x0", rpc.result("eth_getUncleCountByBlockHash", head).asText());
    for (String number : List.of("0x0", "0x1", "latest", "earliest", "pending")) {
      assertEquals("0x0", rpc.result("eth_getUncleCountByBlockNumber", number).asText(), number);
    }
    assertTrue(rpc.result("eth_getUncleByBlockHashAndIndex", head, "0x0").isNull());
    assertTrue(rpc.result("eth_getUncleByBlockNumberAndIndex", "latest", "0x0").isNull());
    assertTrue(rpc.result("eth_getUncleByBlockNumberAndIndex", "0x1", "0x5").isNull());
  }

  @Test
  void unknownBlocksAreNull() {
    assertTrue(rpc.result("eth_getUncleCountByBlockHash", UNKNOWN_HASH).isNull());
    assertTrue(rpc.result("eth_getUncleCountByBlockNumber", "0x2").isNull());
    assertTrue(rpc.result("eth_getUncleByBlockHashAndIndex", UNKNOWN_HASH, "0x0").isNull());
    assertTrue(rpc.result("eth_getUncleByBlockNumberAndIndex", "0x2", "0x0").isNull());
  }

  @Test
  void badParameters() {
    assertInvalidParams("missing value for required argument 0", "eth_getUncleCountByBlockHash");
    assertInvalidParams("invalid argument 0: ", "eth_getUncleCountByBlockHash", "0x1234");
    assertInvalidParams("invalid argument 0: ", "eth_getUncleCountByBlockHash", "latest");
    assertInvalidParams("too many arguments, want at most 1", "eth_getUncleCountByBlockHash", UNKNOWN_HASH, "0x0");
    assertInvalidParams("missing value for required argument 0", "eth_getUncleCountByBlockNumber");
    assertInvalidParams("invalid argument 0: ", "eth_getUncleCountByBlockNumber", "newest");
    assertInvalidParams("invalid argument 0: ", "eth_getUncleCountByBlockNumber", true);
    assertInvalidParams("missing value for required argument 1", "eth_getUncleByBlockHashAndIndex", UNKNOWN_HASH);
    assertInvalidParams("invalid argument 1: ", "eth_getUncleByBlockHashAndIndex", UNKNOWN_HASH, "zero");
    assertInvalidParams("invalid argument 0: ", "eth_getUncleByBlockHashAndIndex", "0x00", "0x0");
    assertInvalidParams("missing value for required argument 0", "eth_getUncleByBlockNumberAndIndex");
    assertInvalidParams("invalid argument 1: ", "eth_getUncleByBlockNumberAndIndex", "latest", "-1");
    assertInvalidParams("too many arguments, want at most 2", "eth_getUncleByBlockNumberAndIndex", "latest", "0x0", 1);
  }

  private void assertInvalidParams(String messageStart, String method, Object... params) {
    JsonNode error = rpc.error(method, params);
    assertEquals(-32602, error.get("code").asInt(), error::toString);
    assertTrue(error.get("message").asText().startsWith(messageStart), error::toString);
  }
}
