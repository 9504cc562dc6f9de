package io.nativerollups.node.rpc;

import java.util.List;

/**
 * Settings of the JSON-RPC server (HTTP and WebSocket on one port).
 *
 * @param host the interface to bind; 127.0.0.1 unless another is asked for
 * @param port the TCP port; 0 picks a free one
 * @param hostAllowlist {@code Host} header names accepted (see {@link HttpAccessPolicy})
 * @param corsOrigins browser origins allowed; empty for none
 * @param maxRequestBytes the largest HTTP body or WebSocket message accepted
 * @param maxBatchSize the most requests in one batch
 */
public record JsonRpcConfig(
    String host, int port, List<String> hostAllowlist, List<String> corsOrigins, int maxRequestBytes, int maxBatchSize) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8545;
  /** Enough for a transaction carrying six blobs with their sidecar, hex-encoded. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 16 << 20;
  public static final int DEFAULT_MAX_BATCH_SIZE = 1024;

  public JsonRpcConfig {
    hostAllowlist = List.copyOf(hostAllowlist);
    corsOrigins = List.copyOf(corsOrigins);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxRequestBytes <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("request and batch limits must be positive");
    }
  }

  /** Loopback on {@code port}, loopback host names only, no CORS, default limits. */
  public static JsonRpcConfig loopback(int port) {
    return new JsonRpcConfig(DEFAULT_HOST, port, HttpAccessPolicy.LOOPBACK_HOSTS, List.of(),
        DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_BATCH_SIZE);
  }
}
