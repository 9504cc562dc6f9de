package io.nativerollups.plugin;

import java.util.List;

/** A JSON-RPC method a plugin serves. */
@FunctionalInterface
public interface RpcMethod {
  /**
   * Handles one call.
   *
   * @param params the request's positional parameters as maps, lists, strings, numbers, booleans or null
   * @return the result, of the same kinds of values (serialized to JSON as they are)
   * @throws RpcMethodException for an error response with its code and message
   */
  Object call(List<Object> params);
}
