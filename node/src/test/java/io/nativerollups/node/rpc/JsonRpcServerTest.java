package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.engine.EngineServer;
import io.nativerollups.node.rpc.engine.JwtAuthenticator;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcServerTest {
  private static final byte[] SECRET = new byte[32];
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;
  private RpcHarness rpc;
  private JsonRpcServer server;
  private JsonRpcServer engine;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    rpc = new RpcHarness();
    JsonRpcConfig config = new JsonRpcConfig("127.0.0.1", 0, HttpAccessPolicy.LOOPBACK_HOSTS,
        List.of("http://allowed.example"), 4096, 10);
    server = JsonRpcServer.start(vertx, config, rpc.methods);
    engine = EngineServer.start(vertx, JsonRpcConfig.loopback(0), SECRET, RpcMethods.engine(rpc.services, rpc.methods));
  }

  @AfterEach
  void stop() {
    server.close();
    engine.close();
    rpc.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private HttpResponse<String> post(int port, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String text) throws Exception {
    return JsonRpcProcessor.MAPPER.readTree(text);
  }

  @Test
  void servesSingleAndBatchRequestsOverHttp() throws Exception {
    HttpResponse<String> one = post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    assertEquals(200, one.statusCode());
    assertEquals("application/json", one.headers().firstValue("content-type").orElse(""));
    assertEquals("0x539", json(one.body()).get("result").asText());
    JsonNode batch = json(post(server.port(), "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]").body());
    assertEquals("0x0", batch.get(0).get("result").asText());
    assertEquals(-32601, batch.get(1).get("error").get("code").asInt());
    assertEquals(-32700, json(post(server.port(), "{oops").body()).get("error").get("code").asInt());
    assertEquals(204, post(server.port(), "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}").statusCode());
  }

  @Test
  void waitingMethodsDoNotHoldUpOtherRequests() throws Exception {
    CompletableFuture<Boolean> release = new CompletableFuture<>();
    rpc.methods.registerMethod("test_wait", params -> release.join());
    try {
      List<CompletableFuture<HttpResponse<String>>> waiting = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        waiting.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_wait\"}"))
            .build(), HttpResponse.BodyHandlers.ofString()));
      }
      CompletableFuture<HttpResponse<String>> chainId = http.sendAsync(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\"}"))
              .build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(chainId.get(10, TimeUnit.SECONDS).body().contains("\"result\""));
      release.complete(true);
      for (CompletableFuture<HttpResponse<String>> w : waiting) {
        assertTrue(w.get(10, TimeUnit.SECONDS).body().contains("\"result\":true"));
      }
    } finally {
      release.complete(true);
    }
  }

  @Test
  void onlyAnswersAboveTheThresholdAreGzipped() throws Exception {
    // Vert.x applies the threshold on HTTP/1.1, what JSON-RPC clients (fetch, OkHttp, curl) speak
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> small = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(small.headers().firstValue("content-encoding").isEmpty(), small.headers().toString());
    String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x0\",false]}";
    HttpResponse<byte[]> large = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", java.util.Collections.nCopies(5, one)) + "]"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", large.headers().firstValue("content-encoding").orElse(""));
    String body = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(large.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertTrue(body.length() > JsonRpcServer.COMPRESSION_THRESHOLD_BYTES && body.contains("\"stateRoot\""), body);
  }

  @Test
  void refusesOversizedBodiesAndOtherMethodsOrPaths() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x" + "00".repeat(4096) + "\"]}";
    assertEquals(413, post(server.port(), big).statusCode());
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    HttpResponse<String> path = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, path.statusCode());
    assertEquals("0x539", json(post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}").body())
        .get("result").asText(), "still serving");
  }

  @Test
  void onlyAllowedHostsAndOriginsAreServed() throws Exception {
    assertTrue(rawStatusLine(server.port(), "evil.example").contains(" 403 "));
    assertTrue(rawStatusLine(server.port(), "localhost:1234").contains(" 200 "));
    HttpResponse<String> allowed = post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}",
        "Origin", "http://allowed.example");
    assertEquals(200, allowed.statusCode());
    assertEquals("http://allowed.example", allowed.headers().firstValue("access-control-allow-origin").orElse(""));
    assertEquals(403, post(server.port(), "{}", "Origin", "http://other.example").statusCode());
  }

  /** The status line of a POST with the given Host header (java.net.http does not let a caller set Host). */
  private static String rawStatusLine(int port, String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
      OutputStream out = s.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }

  @Test
  void webSocketSubscriptionGetsNewHeadsUntilUnsubscribed() throws Exception {
    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"),
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              messages.add(partial.toString());
              partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
          }
        }).get(10, TimeUnit.SECONDS);
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true).get();
    JsonNode subscribed = json(messages.poll(10, TimeUnit.SECONDS));
    String id = subscribed.get("result").asText();
    ws.sendText("[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"logs\",{\"address\":\"0x"
        + "00".repeat(20) + "\"}]}]", true).get();
    assertTrue(json(messages.poll(10, TimeUnit.SECONDS)).get(0).get("result").isTextual());
    var block = rpc.node.seal();
    JsonNode note = json(messages.poll(10, TimeUnit.SECONDS));
    assertEquals("eth_subscription", note.get("method").asText());
    assertEquals(id, note.get("params").get("subscription").asText());
    assertEquals(io.nativerollups.node.rpc.json.Hex.data(block.header().hash()),
        note.get("params").get("result").get("hash").asText());
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_unsubscribe\",\"params\":[\"" + id + "\"]}", true).get();
    assertTrue(json(messages.poll(10, TimeUnit.SECONDS)).get("result").asBoolean());
    rpc.node.seal();
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_blockNumber\"}", true).get();
    assertEquals("0x2", json(messages.poll(10, TimeUnit.SECONDS)).get("result").asText(),
        "no notification came before this answer");
    ws.abort();
  }

  @Test
  void subscribingOverHttpIsRefused() throws Exception {
    JsonNode r = json(post(server.port(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}").body());
    assertEquals(-32601, r.get("error").get("code").asInt());
  }

  @Test
  void engineServerAcceptsFreshTokensOnlyAndNeverServesThePublicApi() throws Exception {
    JwtAuthenticator jwt = new JwtAuthenticator(SECRET);
    long now = System.currentTimeMillis() / 1000;
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"engine_exchangeCapabilities\",\"params\":[[]]}";
    HttpResponse<String> ok = post(engine.port(), body, "Authorization", "Bearer " + jwt.token(now));
    assertEquals(200, ok.statusCode());
    assertTrue(json(ok.body()).get("result").isArray());
    assertEquals(401, post(engine.port(), body).statusCode());
    assertEquals(401, post(engine.port(), body, "Authorization", "Bearer " + jwt.token(now - 120)).statusCode());
    assertEquals(401, post(engine.port(), body, "Authorization",
        "Bearer " + new JwtAuthenticator(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
            20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).token(now)).statusCode());
    assertEquals(-32601, json(post(server.port(), body).body()).get("error").get("code").asInt());
  }
}
