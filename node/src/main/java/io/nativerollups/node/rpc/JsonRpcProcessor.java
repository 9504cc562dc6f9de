package io.nativerollups.node.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Answers JSON-RPC 2.0 texts, single requests and batches, whatever the transport: parses,
 * checks the request shape, calls the method from the registry and serializes the result or the
 * error. Nothing a client sends makes it throw: malformed JSON is -32700, a request that is not a
 * request object -32600, an unknown method -32601, bad parameters -32602, and a failing method
 * -32603 (logged with its stack trace).
 */
public final class JsonRpcProcessor {
  private static final Logger LOG = LogManager.getLogger(JsonRpcProcessor.class);
  /** The mapper of requests and responses: strict about trailing garbage. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final RpcMethodRegistry methods;
  private final int maxBatchSize;

  /** @param maxBatchSize the most requests one batch may hold */
  public JsonRpcProcessor(RpcMethodRegistry methods, int maxBatchSize) {
    this.methods = methods;
    this.maxBatchSize = maxBatchSize;
  }

  /** The registry this processor dispatches to. */
  public RpcMethodRegistry methods() {
    return methods;
  }

  /**
   * Answers one JSON text.
   *
   * @param session the connection, passed on to the methods; null for HTTP
   * @return the response text, or null when there is nothing to answer (only notifications)
   */
  public String process(byte[] body, RpcSession session) {
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (IOException e) {
      return write(error(null, new JsonRpcException(JsonRpcException.PARSE_ERROR, "parse error")));
    }
    if (request == null || request.isMissingNode()) {
      return write(error(null, new JsonRpcException(JsonRpcException.PARSE_ERROR, "parse error: empty body")));
    }
    if (!request.isArray()) {
      ObjectNode response = processOne(request, session);
      return response == null ? null : write(response);
    }
    if (request.isEmpty()) {
      return write(error(null, new JsonRpcException(JsonRpcException.INVALID_REQUEST, "empty batch")));
    }
    if (request.size() > maxBatchSize) {
      return write(error(null, new JsonRpcException(JsonRpcException.LIMIT_EXCEEDED,
          "batch of " + request.size() + " requests exceeds the limit of " + maxBatchSize)));
    }
    ArrayNode responses = JsonNodeFactory.instance.arrayNode();
    for (JsonNode one : request) {
      ObjectNode response = processOne(one, session);
      if (response != null) {
        responses.add(response);
      }
    }
    return responses.isEmpty() ? null : write(responses);
  }

  /** The response to one request object; null for a notification (no {@code id}). */
  private ObjectNode processOne(JsonNode request, RpcSession session) {
    if (!request.isObject()) {
      return error(null, new JsonRpcException(JsonRpcException.INVALID_REQUEST, "invalid request: not an object"));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(null, new JsonRpcException(JsonRpcException.INVALID_REQUEST, "invalid request: bad id"));
    }
    JsonNode version = request.get("jsonrpc");
    if (version != null && !"2.0".equals(version.asText(null))) {
      return error(id, new JsonRpcException(JsonRpcException.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\""));
    }
    JsonNode method = request.get("method");
    if (method == null || !method.isTextual()) {
      return error(id, new JsonRpcException(JsonRpcException.INVALID_REQUEST, "invalid request: no method"));
    }
    JsonNode params = request.get("params");
    if (params != null && !params.isNull() && !params.isArray()) {
      return error(id, JsonRpcException.invalidParams("non-array args"));
    }
    ObjectNode response = call(id, method.textValue(), params == null || params.isNull() ? null : (ArrayNode) params, session);
    return notification ? null : response;
  }

  private ObjectNode call(JsonNode id, String name, ArrayNode params, RpcSession session) {
    RpcMethod method = methods.get(name);
    if (method == null) {
      return error(id, new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND,
          "the method " + name + " does not exist/is not available"));
    }
    try {
      Object result = method.handle(new RpcParams(name, params, session));
      ObjectNode response = envelope(id);
      // most methods answer with a tree already; valueToTree would copy it whole (blocks, traces)
      response.set("result", result instanceof JsonNode tree ? tree : MAPPER.valueToTree(result));
      return response;
    } catch (JsonRpcException e) {
      return error(id, e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("JSON-RPC method {} failed", name, e);
      return error(id, new JsonRpcException(JsonRpcException.INTERNAL_ERROR, "internal error: " + e));
    }
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    return response;
  }

  /** An error response to the request with {@code id}. */
  public static ObjectNode error(JsonNode id, JsonRpcException e) {
    ObjectNode response = envelope(id);
    ObjectNode error = response.putObject("error");
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.data() != null) {
      error.set("data", MAPPER.valueToTree(e.data()));
    }
    return response;
  }

  /** The JSON text of a value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }
}
