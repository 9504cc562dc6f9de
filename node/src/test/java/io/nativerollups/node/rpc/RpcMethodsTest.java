package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.plugin.RpcMethod;
import io.nativerollups.plugin.RpcMethodException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpcMethodsTest {
  @Test
  void pluginMethodsGetPlainValuesAndTheirErrorsKeepTheirCode() throws Exception {
    try (RpcHarness rpc = new RpcHarness()) {
      RpcMethod echo = params -> Map.of("got", params);
      RpcMethod refuse = params -> {
        throw new RpcMethodException(-32010, "not now");
      };
      RpcMethods.addPluginMethods(rpc.methods, Map.of("plugin_echo", echo, "plugin_refuse", refuse));
      JsonNode result = rpc.result("plugin_echo", "0x1", 2, List.of(true));
      assertEquals("[\"0x1\",2,[true]]", result.get("got").toString());
      JsonNode error = rpc.error("plugin_refuse");
      assertEquals(-32010, error.get("code").asInt());
      assertEquals("not now", error.get("message").asText());
      assertThrows(IllegalArgumentException.class,
          () -> RpcMethods.addPluginMethods(rpc.methods, Map.of("eth_chainId", echo)));
    }
  }

  @Test
  void testingNamespaceOnlyWhenAsked() throws Exception {
    try (RpcHarness rpc = new RpcHarness()) {
      assertTrue(rpc.methods.names().contains("testing_buildBlockV1"));
      java.util.Set<String> ethAndNet = RpcMethods.exposed(rpc.methods, java.util.Set.of("eth", "NET"),
          java.util.Set.of()).names();
      assertFalse(ethAndNet.contains("testing_buildBlockV1"));
      assertTrue(ethAndNet.containsAll(List.of("eth_chainId", "net_version")), "namespaces match in any case");
    }
  }
}
