package io.nativerollups.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.function.Function;

/**
 * The positional parameters of one request, with typed accessors. A parameter that cannot be read
 * is answered with -32602 and a message in geth's words ({@code invalid argument 1: hex string
 * without 0x prefix}, {@code missing value for required argument 0}); a trailing JSON null counts
 * as not given, as other clients treat it.
 */
public final class RpcParams {
  private final String method;
  private final ArrayNode params;
  private final RpcSession session;

  /**
   * @param params the request's {@code params} array; null for none
   * @param session the connection the request came on; null for HTTP
   */
  public RpcParams(String method, ArrayNode params, RpcSession session) {
    this.method = method;
    this.params = params == null ? JsonNodeFactory.instance.arrayNode() : params;
    this.session = session;
  }

  /** The method called. */
  public String method() {
    return method;
  }

  /** The connection of the request, or null for HTTP. */
  public RpcSession session() {
    return session;
  }

  /** How many parameters were sent. */
  public int size() {
    return params.size();
  }

  /** Whether parameter {@code index} is given (present and not null). */
  public boolean has(int index) {
    return index < params.size() && !params.get(index).isNull();
  }

  /** The raw parameter, or null when not given. */
  public JsonNode raw(int index) {
    return has(index) ? params.get(index) : null;
  }

  /** All parameters as sent (for handing them to a plugin). */
  public ArrayNode rawArray() {
    return params.deepCopy();
  }

  /** Refuses more than {@code count} parameters. */
  public RpcParams atMost(int count) {
    int given = params.size();
    while (given > count && params.get(given - 1).isNull()) {
      given--;
    }
    if (given > count) {
      throw JsonRpcException.invalidParams("too many arguments, want at most " + count);
    }
    return this;
  }

  /** A required parameter read by {@code parser}, which throws {@link IllegalArgumentException}. */
  public <T> T required(int index, Function<JsonNode, T> parser) {
    if (!has(index)) {
      throw JsonRpcException.invalidParams("missing value for required argument " + index);
    }
    return parse(index, parser);
  }

  /** An optional parameter read by {@code parser}, or {@code fallback} when not given. */
  public <T> T optional(int index, Function<JsonNode, T> parser, T fallback) {
    return has(index) ? parse(index, parser) : fallback;
  }

  private <T> T parse(int index, Function<JsonNode, T> parser) {
    try {
      return parser.apply(params.get(index));
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("invalid argument " + index + ": " + e.getMessage());
    }
  }

  public Address address(int index) {
    return required(index, RpcObject::toAddress);
  }

  public byte[] hash(int index) {
    return required(index, RpcObject::toHash);
  }

  public byte[] data(int index) {
    return required(index, RpcObject::toData);
  }

  public long quantity(int index) {
    return required(index, RpcObject::toLong);
  }

  public UInt256 uint256(int index) {
    return required(index, RpcObject::toUInt256);
  }

  public boolean bool(int index) {
    return required(index, RpcObject::toBoolean);
  }

  public String text(int index) {
    return required(index, RpcObject::toText);
  }
}
