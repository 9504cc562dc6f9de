package io.nativerollups.node.rpc;

/**
 * An error answered to a JSON-RPC request: the {@code error} object's code, message and optional
 * data. Method handlers throw it; the processor turns it into the response, so a bad request never
 * reaches the server's own error handling.
 */
public final class JsonRpcException extends RuntimeException {
  /** JSON-RPC 2.0: the request is not valid JSON. */
  public static final int PARSE_ERROR = -32700;
  /** JSON-RPC 2.0: the JSON is not a valid request object. */
  public static final int INVALID_REQUEST = -32600;
  /** JSON-RPC 2.0: no such method. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** JSON-RPC 2.0: the parameters do not fit the method. */
  public static final int INVALID_PARAMS = -32602;
  /** JSON-RPC 2.0: the server failed. */
  public static final int INTERNAL_ERROR = -32603;
  /** The generic server error other clients answer for rejected input (unknown block, rejected transaction). */
  public static final int SERVER_ERROR = -32000;
  /** execution-apis: a limit (batch size, block range) was exceeded. */
  public static final int LIMIT_EXCEEDED = -32005;
  /** execution-apis: eth_call/eth_estimateGas ended in REVERT; data holds the revert output. */
  public static final int EXECUTION_REVERTED = 3;
  /** execution-apis: the block asked for is not known. */
  public static final int UNKNOWN_BLOCK = -39001;
  /** execution-apis (eth_simulateV1, geth's eth_getStorageValues): a limit the client chose was exceeded. */
  public static final int CLIENT_LIMIT_EXCEEDED = -38026;

  private final int code;
  private final Object data;

  public JsonRpcException(int code, String message) {
    this(code, message, null);
  }

  /** @param data serialized as the error's {@code data} member; null leaves it out */
  public JsonRpcException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** The error's {@code data}, or null. */
  public Object data() {
    return data;
  }

  /** -32602 with a message naming what is wrong (e.g. "invalid argument 0: hex string without 0x prefix"). */
  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(INVALID_PARAMS, message);
  }

  /** -32000, the code geth and Besu use for input the node understood but cannot serve. */
  public static JsonRpcException serverError(String message) {
    return new JsonRpcException(SERVER_ERROR, message);
  }
}
