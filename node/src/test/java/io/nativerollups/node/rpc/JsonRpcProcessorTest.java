package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcProcessorTest {
  private final RpcMethodRegistry methods = new RpcMethodRegistry()
      .registerMethod("echo", p -> p.raw(0))
      .registerMethod("fail", p -> {
        throw new IllegalStateException("boom");
      })
      .registerMethod("strict", p -> p.atMost(1).address(0).toHexString());
  private final JsonRpcProcessor processor = new JsonRpcProcessor(methods, 3);

  private JsonNode answer(String request) throws IOException {
    String text = processor.process(request.getBytes(StandardCharsets.UTF_8), null);
    return text == null ? null : JsonRpcProcessor.MAPPER.readTree(text);
  }

  private static int code(JsonNode response) {
    return response.path("error").path("code").asInt();
  }

  @Test
  void answersASingleRequestWithItsIdAndResult() throws IOException {
    JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"echo\",\"params\":[\"0x1\"]}");
    assertEquals("2.0", r.get("jsonrpc").asText());
    assertEquals("a", r.get("id").asText());
    assertEquals("0x1", r.get("result").asText());
  }

  @Test
  void malformedJsonIsParseErrorWithNullId() throws IOException {
    JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertEquals(-32700, code(r));
    assertTrue(r.get("id").isNull());
    assertEquals(-32700, code(answer("")));
    assertEquals(-32700, code(answer("{\"id\":1,\"method\":\"echo\"} trailing")));
  }

  @Test
  void unknownMethodIsMethodNotFound() throws IOException {
    JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_nope\",\"params\":[]}");
    assertEquals(-32601, code(r));
    assertEquals(2, r.get("id").asInt());
  }

  @Test
  void requestsThatAreNotRequestObjectsAreInvalidRequest() throws IOException {
    assertEquals(-32600, code(answer("42")));
    assertEquals(-32600, code(answer("{\"jsonrpc\":\"2.0\",\"id\":1}")));
    assertEquals(-32600, code(answer("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"echo\"}")));
    assertEquals(-32600, code(answer("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"echo\"}")));
    assertEquals(-32600, code(answer("[]")));
  }

  @Test
  void wrongParamsAreInvalidParamsWithAReason() throws IOException {
    JsonNode notArray = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"a\":1}}");
    assertEquals(-32602, code(notArray));
    JsonNode badAddress = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"strict\",\"params\":[\"0x12\"]}");
    assertEquals(-32602, code(badAddress));
    assertEquals("invalid argument 0: hex string has length 1, want 20 bytes", badAddress.at("/error/message").asText());
    JsonNode missing = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"strict\",\"params\":[]}");
    assertEquals("missing value for required argument 0", missing.at("/error/message").asText());
    JsonNode tooMany = answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"strict\",\"params\":[\"0x0000000000000000000000000000000000000001\",1]}");
    assertEquals("too many arguments, want at most 1", tooMany.at("/error/message").asText());
  }

  @Test
  void aFailingMethodIsInternalErrorAndTheProcessorKeepsServing() throws IOException {
    assertEquals(-32603, code(answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fail\"}")));
    assertEquals("0x2", answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\"0x2\"]}").get("result").asText());
  }

  @Test
  void batchAnswersEachRequestAndSkipsNotifications() throws IOException {
    JsonNode r = answer("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[1]},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[2]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
    assertEquals(2, r.size());
    assertEquals(1, r.get(0).get("result").asInt());
    assertEquals(3, r.get(1).get("id").asInt());
    assertEquals(-32601, code(r.get(1)));
  }

  @Test
  void batchOfInvalidEntriesAnswersEachWithAnError() throws IOException {
    JsonNode r = answer("[1, \"x\"]");
    assertEquals(2, r.size());
    assertEquals(-32600, code(r.get(0)));
    assertEquals(-32600, code(r.get(1)));
  }

  @Test
  void onlyNotificationsGetNoAnswer() throws IOException {
    assertNull(answer("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1]}"));
    assertNull(answer("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1]}]"));
  }

  @Test
  void batchLargerThanTheLimitIsRefused() throws IOException {
    String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[1]}";
    JsonNode r = answer("[" + one + "," + one + "," + one + "," + one + "]");
    assertEquals(-32005, code(r));
  }

  @Test
  void aMethodNameCannotBeRegisteredTwice() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> methods.registerMethod("echo", p -> null));
  }
}
