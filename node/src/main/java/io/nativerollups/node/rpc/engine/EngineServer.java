package io.nativerollups.node.rpc.engine;

import io.nativerollups.node.rpc.JsonRpcConfig;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.JsonRpcServer;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.Executors;

/**
 * The Engine API server: its own port (8551 by default), every HTTP request and WebSocket handshake
 * authenticated with a JWT under the shared secret ({@link JwtAuthenticator}), methods executed one
 * at a time in arrival order, since forkchoice updates must be processed in the order received.
 */
public final class EngineServer {
  public static final int DEFAULT_PORT = 8551;

  private EngineServer() {}

  /**
   * Binds and starts serving {@code methods} (see {@code RpcMethods.engine}); close the returned
   * server to stop.
   *
   * @param jwtSecret the 32-byte secret ({@link JwtAuthenticator#readOrCreateSecret})
   * @throws IllegalStateException if the port cannot be bound
   */
  public static JsonRpcServer start(Vertx vertx, JsonRpcConfig config, byte[] jwtSecret, RpcMethodRegistry methods) {
    return JsonRpcServer.start(vertx, config, new JsonRpcProcessor(methods, config.maxBatchSize()),
        new JwtAuthenticator(jwtSecret), Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "engine-api");
          t.setDaemon(true);
          return t;
        }));
  }
}
