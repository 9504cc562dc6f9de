package io.nativerollups.node.rpc;

/** Decides whether an HTTP request or a WebSocket handshake may be served, from its {@code Authorization} header. */
@FunctionalInterface
public interface RequestAuthenticator {
  /**
   * @param authorization the header's value, null when absent
   * @return null when accepted, otherwise why not (sent with status 401)
   */
  String rejection(String authorization);
}
