package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.mining.InMemoryPayloadStore;
import io.nativerollups.node.rpc.json.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A node on the dev genesis (see {@link TestNode}) with its RPC methods, called in process through the processor.
 *
 * <p>Use it with try-with-resources, or as a test class's {@code @RegisterExtension final RpcHarness rpc = new
 * RpcHarness();} field: each test then gets a fresh node, closed after the test.
 */
public final class RpcHarness implements AutoCloseable, AfterEachCallback {
  public final TestNode node;
  public final InMemoryPayloadStore payloads;
  public final RpcServices services;
  public final RpcMethodRegistry methods;
  public final JsonRpcProcessor processor;

  public RpcHarness() {
    this(null);
  }

  /** A node on {@code genesis} instead of the dev genesis (null: the dev genesis). */
  public RpcHarness(Genesis genesis) {
    node = TestNode.inMemory(genesis);
    payloads = new InMemoryPayloadStore(node.chain, node.builder);
    services = new RpcServices(node.chain, node.pool, node.builder, payloads, node.plugins, "native-rollups/test",
        TestNode.COINBASE, true);
    methods = RpcMethods.standard(services);
    processor = new JsonRpcProcessor(methods, 100);
  }

  /** {@code tx} as eth_sendRawTransaction takes it: its hex-encoded envelope. */
  public static String raw(Transaction tx) {
    return Hex.data(TransactionEncoder.encode(tx));
  }

  /** Sends {@code tx} with eth_sendRawTransaction, which must accept it; returns the hash it answers. */
  public String sendRaw(Transaction tx) {
    return result("eth_sendRawTransaction", raw(tx)).asText();
  }

  /** The whole response object of a call with {@code params} (Java values, serialized as JSON). */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 7);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JsonRpcProcessor.MAPPER.valueToTree(p));
    }
    return send(JsonRpcProcessor.write(request));
  }

  /** The response to a raw request text. */
  public JsonNode send(String text) {
    String answer = processor.process(text.getBytes(StandardCharsets.UTF_8), null);
    if (answer == null) {
      return null;
    }
    try {
      return JsonRpcProcessor.MAPPER.readTree(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a call that must succeed. */
  public JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    assertNull(response.get("error"), () -> method + " failed: " + response);
    return response.get("result");
  }

  /** The error object of a call that must fail. */
  public JsonNode error(String method, Object... params) {
    JsonNode response = call(method, params);
    assertNotNull(response.get("error"), () -> method + " should fail but answered " + response);
    return response.get("error");
  }

  @Override
  public void close() {
    node.close();
  }

  /** Closes the node after each test when registered as an extension. */
  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
