package io.nativerollups.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare JSON-RPC 2.0 client over HTTP, for what web3j has no typed call for (debug_, engine_,
 * testing_ methods) and for sending deliberately malformed requests.
 */
public final class JsonRpc {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong IDS = new AtomicLong();

  private final URI uri;
  private final String bearerToken;

  public JsonRpc(String url) {
    this(url, null);
  }

  private JsonRpc(String url, String bearerToken) {
    this.uri = URI.create(url);
    this.bearerToken = bearerToken;
  }

  /** The same endpoint, sending {@code Authorization: Bearer token} (Engine API). */
  public JsonRpc withBearer(String token) {
    return new JsonRpc(uri.toString(), token);
  }

  /** A JSON-RPC error object: {@code code}, {@code message} and optional {@code data}. */
  public static final class RpcError extends RuntimeException {
    private final int code;
    private final JsonNode data;

    RpcError(int code, String message, JsonNode data) {
      super(code + ": " + message + (data == null || data.isNull() ? "" : " (data: " + data + ")"));
      this.code = code;
      this.data = data;
    }

    public int code() {
      return code;
    }

    public JsonNode data() {
      return data;
    }
  }

  /** An HTTP answer: status and parsed body ({@code null} when the body is not JSON). */
  public record Response(int status, String body, JsonNode json) {}

  /**
   * Calls {@code method}; parameters are converted by Jackson (strings, numbers, maps, lists,
   * {@link JsonNode}s).
   *
   * @return the {@code result}
   * @throws RpcError when the node answers with an {@code error}
   */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", IDS.incrementAndGet());
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    Response response = post(request.toString());
    JsonNode json = response.json();
    if (json == null || !json.isObject()) {
      throw new IllegalStateException(method + ": HTTP " + response.status() + " answer is not a JSON object: " + response.body());
    }
    JsonNode error = json.get("error");
    if (error != null && !error.isNull()) {
      throw new RpcError(error.path("code").asInt(), error.path("message").asText(), error.get("data"));
    }
    if (!json.has("result")) {
      throw new IllegalStateException(method + ": answer has neither result nor error: " + response.body());
    }
    return json.get("result");
  }

  /** Posts {@code body} as is (it need not be valid JSON) and returns the answer. */
  public Response post(String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    try {
      HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = answer.body().isEmpty() ? null : JSON.readTree(answer.body());
      } catch (IOException notJson) {
        json = null;
      }
      return new Response(answer.statusCode(), answer.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
