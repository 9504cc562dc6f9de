package io.nativerollups.node.rpc;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.HostAndPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A JSON-RPC server over HTTP (POST to {@code /}) and WebSocket (upgrade on {@code /}) on one
 * port, built on Vert.x. Requests are parsed and executed off the event loop on {@code executor};
 * responses go back on the connection they came from. Before anything is read the {@code Host}
 * header, the browser {@code Origin} and, when an authenticator is given, the {@code
 * Authorization} header are checked; a body or message larger than the configured limit is
 * refused with 413 (HTTP) or a closed socket (WebSocket).
 *
 * <p>The node starts the public server with {@link #start(Vertx, JsonRpcConfig, RpcMethodRegistry)}
 * and a registry built by {@link RpcMethods#standard}; the Engine API server ({@code
 * engine.EngineServer}) is this class with a JWT authenticator and a single-threaded executor. {@link #close()} stops listening, closes the connections and shuts the
 * executor down.
 */
public final class JsonRpcServer implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(JsonRpcServer.class);
  private static final String JSON = "application/json";

  /** Responses smaller than this go uncompressed even when the client accepts gzip. */
  static final int COMPRESSION_THRESHOLD_BYTES = 1024;
  private final JsonRpcConfig config;
  private final JsonRpcProcessor processor;
  private final RequestAuthenticator authenticator;
  private final ExecutorService executor;
  private final HttpAccessPolicy access;
  private final AtomicLong sessionIds = new AtomicLong();
  private HttpServer server;

  private JsonRpcServer(JsonRpcConfig config, JsonRpcProcessor processor, RequestAuthenticator authenticator,
      ExecutorService executor) {
    this.config = config;
    this.processor = processor;
    this.authenticator = authenticator;
    this.executor = executor;
    this.access = new HttpAccessPolicy(config.hostAllowlist(), config.corsOrigins());
  }

  /**
   * The public JSON-RPC server: no authentication, methods run on a pool of worker threads (four
   * per core, at least 16: some methods wait, such as eth_sendRawTransactionSync for its receipt,
   * and must not hold up the rest), batches limited by {@code config}.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public static JsonRpcServer start(Vertx vertx, JsonRpcConfig config, RpcMethodRegistry methods) {
    int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    return start(vertx, config, new JsonRpcProcessor(methods, config.maxBatchSize()), null,
        Executors.newFixedThreadPool(threads, daemonThreads("json-rpc")));
  }

  /** Daemon worker threads named {@code prefix-N}, so a stuck request never keeps the JVM alive. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Binds and starts serving; returns once the port is open.
   *
   * @param vertx the Vert.x instance to run on (the caller owns and closes it)
   * @param authenticator checks each HTTP request and WebSocket handshake; null for none
   * @param executor runs the methods; owned by the server from now on and shut down by {@link #close()}
   * @throws IllegalStateException if the port cannot be bound
   */
  public static JsonRpcServer start(Vertx vertx, JsonRpcConfig config, JsonRpcProcessor processor,
      RequestAuthenticator authenticator, ExecutorService executor) {
    JsonRpcServer s = new JsonRpcServer(config, processor, authenticator, executor);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setMaxWebSocketMessageSize(config.maxRequestBytes())
        .setMaxWebSocketFrameSize(Math.min(config.maxRequestBytes(), 1 << 20))
        .setCompressionSupported(true)
        // gzip pays off for blocks, logs and traces; for the many tiny answers it only adds latency
        .setCompressionContentSizeThreshold(COMPRESSION_THRESHOLD_BYTES);
    try {
      s.server = vertx.createHttpServer(options)
          .requestHandler(s::handle)
          .listen()
          .toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      executor.shutdownNow();
      throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    LOG.info("JSON-RPC server listening on {}:{}", config.host(), s.port());
    return s;
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest req) {
    // authority() is the Host header of HTTP/1 and the :authority of HTTP/2
    HostAndPort authority = req.authority();
    if (!access.hostAllowed(authority == null ? null : authority.host())) {
      refuse(req, 403, "host not allowed");
      return;
    }
    String origin = req.getHeader(HttpHeaders.ORIGIN);
    if (!access.originAllowed(origin)) {
      refuse(req, 403, "origin not allowed");
      return;
    }
    if (origin != null && access.corsEnabled()) {
      req.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      req.response().putHeader(HttpHeaders.VARY, "Origin");
    }
    if (req.method() == HttpMethod.OPTIONS) {
      req.response()
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS")
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization")
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
          .setStatusCode(204).end();
      return;
    }
    if (authenticator != null) {
      String rejection = authenticator.rejection(req.getHeader(HttpHeaders.AUTHORIZATION));
      if (rejection != null) {
        refuse(req, 401, rejection);
        return;
      }
    }
    if (!"/".equals(req.path())) {
      refuse(req, 404, "not found");
      return;
    }
    if ("websocket".equalsIgnoreCase(req.getHeader(HttpHeaders.UPGRADE))) {
      req.toWebSocket().onSuccess(this::serveWebSocket)
          .onFailure(e -> LOG.debug("WebSocket handshake failed: {}", e.getMessage()));
      return;
    }
    if (req.method() != HttpMethod.POST) {
      refuse(req, 405, "method not allowed, use POST");
      return;
    }
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parseLength(length) > config.maxRequestBytes()) {
      refuse(req, 413, "request body larger than " + config.maxRequestBytes() + " bytes");
      return;
    }
    new BodyReader(req).read();
  }

  private static long parseLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Collects a request body up to the size limit, then executes it. */
  private final class BodyReader {
    private final HttpServerRequest req;
    private final Buffer body = Buffer.buffer();
    private boolean tooLarge;

    BodyReader(HttpServerRequest req) {
      this.req = req;
    }

    void read() {
      req.handler(chunk -> {
        if (tooLarge) {
          return;
        }
        if (body.length() + chunk.length() > config.maxRequestBytes()) {
          tooLarge = true;
          req.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
              .end("request body larger than " + config.maxRequestBytes() + " bytes");
          return;
        }
        body.appendBuffer(chunk);
      });
      req.endHandler(v -> {
        if (!tooLarge) {
          respond(req.response(), body.getBytes());
        }
      });
    }
  }

  private void respond(HttpServerResponse response, byte[] body) {
    execute(body, null).whenComplete((answer, failure) -> {
      if (failure != null) {
        response.setStatusCode(500).end();
      } else if (answer == null) {
        response.setStatusCode(204).end();
      } else {
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer);
      }
    });
  }

  private CompletableFuture<String> execute(byte[] body, RpcSession session) {
    try {
      return CompletableFuture.supplyAsync(() -> processor.process(body, session), executor);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void serveWebSocket(ServerWebSocket ws) {
    WebSocketSession session = new WebSocketSession("ws-" + sessionIds.incrementAndGet(), ws);
    ws.textMessageHandler(text -> answer(ws, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), session));
    ws.binaryMessageHandler(bytes -> answer(ws, bytes.getBytes(), session));
    ws.closeHandler(v -> session.closed());
    ws.exceptionHandler(e -> LOG.debug("WebSocket {} failed: {}", session.id(), e.getMessage()));
  }

  private void answer(ServerWebSocket ws, byte[] message, RpcSession session) {
    execute(message, session).whenComplete((answer, failure) -> {
      if (answer != null && !ws.isClosed()) {
        ws.writeTextMessage(answer);
      }
    });
  }

  private static void refuse(HttpServerRequest req, int status, String why) {
    req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(why);
  }

  /** Stops listening and closes every connection; waits until done. */
  @Override
  public void close() {
    server.close().toCompletionStage().toCompletableFuture().join();
    executor.shutdownNow();
  }

  /** A WebSocket connection as the methods see it: notifications are written to it. */
  private static final class WebSocketSession implements RpcSession {
    private final String id;
    private final ServerWebSocket ws;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    WebSocketSession(String id, ServerWebSocket ws) {
      this.id = id;
      this.ws = ws;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void send(String json) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(json);
      }
    }

    @Override
    public void onClose(Runnable action) {
      boolean runNow;
      synchronized (this) {
        runNow = closed;
        if (!closed) {
          closeActions.add(action);
        }
      }
      if (runNow) {
        action.run();
      }
    }

    void closed() {
      List<Runnable> actions;
      synchronized (this) {
        closed = true;
        actions = List.copyOf(closeActions);
        closeActions.clear();
      }
      actions.forEach(Runnable::run);
    }
  }
}
