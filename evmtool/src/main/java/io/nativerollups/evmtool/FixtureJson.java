package io.nativerollups.evmtool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading fields of fixture JSON. A problem is an {@link IllegalArgumentException} naming the
 * field, which {@link FixtureFiles#parseTests} reports as a format error of the test.
 */
public final class FixtureJson {
  private FixtureJson() {}

  /** The named field of an object; it must be present and not null. */
  public static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return v;
  }

  /** The text of a JSON string; {@code what} names it in the error. */
  public static String text(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(what + " must be a string, got " + node);
    }
    return node.asText();
  }
}
