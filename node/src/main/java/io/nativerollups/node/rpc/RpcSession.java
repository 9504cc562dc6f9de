package io.nativerollups.node.rpc;

/**
 * The connection a request came in on, for methods that answer later over the same connection
 * (subscriptions). HTTP requests have none.
 */
public interface RpcSession {
  /** A stable id of the connection, unique within the server. */
  String id();

  /** Sends a JSON-RPC notification (a complete JSON text) to the peer; ignored once closed. */
  void send(String json);

  /** Runs {@code action} when the connection closes (at once if it already is). */
  void onClose(Runnable action);
}
