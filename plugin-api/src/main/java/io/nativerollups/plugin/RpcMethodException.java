package io.nativerollups.plugin;

/** An error a plugin's {@link RpcMethod} answers with: JSON-RPC {@code code} and message. */
public final class RpcMethodException extends RuntimeException {
  /** JSON-RPC's "invalid params". */
  public static final int INVALID_PARAMS = -32602;

  private final int code;

  public RpcMethodException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }
}
