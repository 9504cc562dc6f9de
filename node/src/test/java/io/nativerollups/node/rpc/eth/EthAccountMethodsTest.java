package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.RpcHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthAccountMethodsTest {
  private static final String ADDRESS = TestNode.SENDER.toHexString();
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  @Test
  void theNodeHoldsNoAccountsAndSealsForItsCoinbase() {
    assertTrue(rpc.result("eth_accounts").isArray());
    assertEquals(0, rpc.result("eth_accounts").size());
    assertEquals(TestNode.COINBASE.toHexString(), rpc.result("eth_coinbase").asText());
    assertTrue(rpc.result("eth_mining").asBoolean());
    assertEquals("0x0", rpc.result("eth_hashrate").asText());
  }

  @Test
  void aNodeWithoutDevModeDoesNotMine() {
    RpcMethodRegistry methods = new RpcMethodRegistry();
    new EthAccountMethods(Address.ZERO, false).registerTo(methods);
    assertEquals(false, methods.get("eth_mining").handle(new RpcParams("eth_mining", null, null)));
    assertEquals(Address.ZERO.toHexString(), methods.get("eth_coinbase").handle(new RpcParams("eth_coinbase", null, null)));
  }

  @Test
  void signingIsRefusedForEveryAccountWithTheWayOut() {
    Map<String, Object> tx = Map.of("from", ADDRESS, "to", ADDRESS, "value", "0x1", "gas", "0x5208", "nonce", "0x0");
    for (JsonNode error : List.of(rpc.error("eth_sign", ADDRESS, "0xdeadbeef"), rpc.error("eth_signTransaction", tx),
        rpc.error("eth_sendTransaction", tx), rpc.error("eth_sendTransaction", Map.of()))) {
      assertEquals(-32000, error.get("code").asInt());
      assertEquals(EthAccountMethods.UNKNOWN_ACCOUNT, error.get("message").asText());
      assertTrue(error.get("message").asText().startsWith("unknown account"));
      assertTrue(error.get("message").asText().contains("eth_sendRawTransaction"));
    }
  }

  @Test
  void badParameters() {
    for (String method : List.of("eth_accounts", "eth_coinbase", "eth_mining", "eth_hashrate")) {
      assertInvalidParams(rpc.error(method, 1), "too many arguments, want at most 0");
    }
    assertInvalidParams(rpc.error("eth_sign"), "missing value for required argument 0");
    assertInvalidParams(rpc.error("eth_sign", ADDRESS), "missing value for required argument 1");
    assertInvalidParams(rpc.error("eth_sign", "0x1234", "0x00"), "invalid argument 0: ");
    assertInvalidParams(rpc.error("eth_sign", ADDRESS, "beef"), "invalid argument 1: ");
    assertInvalidParams(rpc.error("eth_sign", ADDRESS, "0x00", 3), "too many arguments, want at most 2");
    for (String method : List.of("eth_signTransaction", "eth_sendTransaction")) {
      assertInvalidParams(rpc.error(method), "missing value for required argument 0");
      assertInvalidParams(rpc.error(method, "0x00"), "invalid argument 0: expected an object");
      assertInvalidParams(rpc.error(method, Map.of("from", "0x12")), "invalid argument 0: field \"from\"");
      assertInvalidParams(rpc.error(method, Map.of("value", "ten")), "invalid argument 0: field \"value\"");
      assertInvalidParams(rpc.error(method, Map.of(), Map.of()), "too many arguments, want at most 1");
    }
  }

  private static void assertInvalidParams(JsonNode error, String messageStart) {
    assertEquals(-32602, error.get("code").asInt(), error::toString);
    assertTrue(error.get("message").asText().startsWith(messageStart), error::toString);
  }
}
