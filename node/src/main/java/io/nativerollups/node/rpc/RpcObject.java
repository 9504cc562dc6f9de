package io.nativerollups.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reading of a JSON object parameter (a call request, a filter, an execution payload). A
 * field that is absent or JSON null counts as not given. Every failure is an {@link
 * IllegalArgumentException} naming the field, which {@link RpcParams} turns into -32602.
 */
public final class RpcObject {
  private final JsonNode node;

  /** @throws IllegalArgumentException if {@code node} is not a JSON object */
  public RpcObject(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected an object, got " + describe(node));
    }
    this.node = node;
  }

  /** Whether {@code name} is given (present and not null). */
  public boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /** The raw value of {@code name}, or null when not given. */
  public JsonNode raw(String name) {
    return has(name) ? node.get(name) : null;
  }

  /** Refuses fields other than {@code allowed} (the Engine API's strict structures). */
  public RpcObject onlyFields(Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown field \"" + name + "\"");
      }
    }
    return this;
  }

  /** A required field parsed by {@code parser} (which throws {@link IllegalArgumentException}). */
  public <T> T required(String name, Function<JsonNode, T> parser) {
    if (!has(name)) {
      throw new IllegalArgumentException("missing field \"" + name + "\"");
    }
    return parse(name, parser);
  }

  /** An optional field parsed by {@code parser}, or null when not given. */
  public <T> T optional(String name, Function<JsonNode, T> parser) {
    return has(name) ? parse(name, parser) : null;
  }

  private <T> T parse(String name, Function<JsonNode, T> parser) {
    try {
      return parser.apply(node.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field \"" + name + "\": " + e.getMessage(), e);
    }
  }

  public Address address(String name) {
    return required(name, RpcObject::toAddress);
  }

  public Address optionalAddress(String name) {
    return optional(name, RpcObject::toAddress);
  }

  public byte[] hash(String name) {
    return required(name, RpcObject::toHash);
  }

  public byte[] optionalHash(String name) {
    return optional(name, RpcObject::toHash);
  }

  public byte[] data(String name) {
    return required(name, RpcObject::toData);
  }

  public byte[] optionalData(String name) {
    return optional(name, RpcObject::toData);
  }

  /** A required unsigned 64-bit QUANTITY. */
  public long quantity(String name) {
    return required(name, RpcObject::toLong);
  }

  /** An optional unsigned 64-bit QUANTITY, or null. */
  public Long optionalQuantity(String name) {
    return optional(name, RpcObject::toLong);
  }

  public UInt256 uint256(String name) {
    return required(name, RpcObject::toUInt256);
  }

  public UInt256 optionalUInt256(String name) {
    return optional(name, RpcObject::toUInt256);
  }

  /** A required array whose elements are parsed by {@code element}. */
  public <T> List<T> list(String name, Function<JsonNode, T> element) {
    return required(name, n -> toList(n, element));
  }

  /** An optional array, or null. */
  public <T> List<T> optionalList(String name, Function<JsonNode, T> element) {
    return optional(name, n -> toList(n, element));
  }

  // Value parsers, shared with RpcParams and the method groups.

  public static String toText(JsonNode n) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("expected a string, got " + describe(n));
    }
    return n.textValue();
  }

  public static Address toAddress(JsonNode n) {
    return Address.wrap(Hex.parseData(toText(n), Address.SIZE));
  }

  public static byte[] toHash(JsonNode n) {
    return Hex.parseData(toText(n), 32);
  }

  public static byte[] toData(JsonNode n) {
    return Hex.parseData(toText(n));
  }

  public static long toLong(JsonNode n) {
    return Hex.parseLong(toText(n));
  }

  public static UInt256 toUInt256(JsonNode n) {
    return Hex.parseUInt256(toText(n));
  }

  public static boolean toBoolean(JsonNode n) {
    if (n == null || !n.isBoolean()) {
      throw new IllegalArgumentException("expected a boolean, got " + describe(n));
    }
    return n.booleanValue();
  }

  public static <T> List<T> toList(JsonNode n, Function<JsonNode, T> element) {
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException("expected an array, got " + describe(n));
    }
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      try {
        out.add(element.apply(n.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("element " + i + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** How a JSON value is named in an error: its type. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
