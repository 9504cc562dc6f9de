package io.nativerollups.node.rpc;

import java.util.function.Supplier;

/**
 * One JSON-RPC method. It returns the {@code result}: anything Jackson serializes (a
 * {@code JsonNode}, a {@code String}, a {@code Boolean}, a list, or null for JSON null). It reports
 * a request it cannot serve by throwing {@link JsonRpcException}; any other exception is answered
 * with -32603 and logged.
 */
@FunctionalInterface
public interface RpcMethod {
  Object handle(RpcParams params);

  /** A method without parameters: any given is refused with -32602. */
  static RpcMethod withoutParams(Supplier<?> result) {
    return params -> {
      params.atMost(0);
      return result.get();
    };
  }
}
