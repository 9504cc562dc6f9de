package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** engine_getClientVersionV1. */
class ClientVersionMethodTest {
  private static Map<String, String> lighthouse() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", "LH");
    v.put("name", "Lighthouse");
    v.put("version", "v7.1.0");
    v.put("commit", "0xfa4ff922");
    return v;
  }

  @Test
  void answersOneClientVersionNamedAfterTheWeb3ClientVersion() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      JsonNode versions = engine.result("engine_getClientVersionV1", lighthouse());
      assertEquals(1, versions.size());
      JsonNode mine = versions.get(0);
      assertEquals(ClientVersionMethod.CODE, mine.get("code").asText());
      assertEquals("native-rollups", mine.get("name").asText(), "RpcHarness's web3_clientVersion is native-rollups/test");
      assertEquals("test", mine.get("version").asText());
      assertEquals("0x00000000", mine.get("commit").asText());
      Map<String, String> unlisted = lighthouse();
      unlisted.put("code", "ZZ");
      assertEquals(1, engine.result("engine_getClientVersionV1", unlisted).size(), "any two-letter code is accepted");
    }
  }

  @Test
  void aMalformedClientVersionIsInvalidParams() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      for (String field : List.of("code", "name", "version", "commit")) {
        Map<String, String> missing = lighthouse();
        missing.remove(field);
        assertEquals(-32602, engine.errorCode("engine_getClientVersionV1", missing), field);
      }
      Map<String, String> shortCommit = lighthouse();
      shortCommit.put("commit", "0xfa4f");
      assertEquals(-32602, engine.errorCode("engine_getClientVersionV1", shortCommit));
      Map<String, String> extra = lighthouse();
      extra.put("graffiti", "x");
      assertEquals(-32602, engine.errorCode("engine_getClientVersionV1", extra));
      assertEquals(-32602, engine.errorCode("engine_getClientVersionV1"));
      assertEquals(-32602, engine.errorCode("engine_getClientVersionV1", "LH"));
      assertEquals(-32602, engine.errorCode("engine_getClientVersionV1", lighthouse(), lighthouse()));
    }
  }
}
