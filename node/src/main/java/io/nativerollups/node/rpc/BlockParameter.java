package io.nativerollups.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.json.Hex;
import java.util.Locale;

/**
 * Which block a request means: a tag ({@code latest}, {@code earliest}, {@code pending}, {@code
 * safe}, {@code finalized}), a number, or a block hash, the hash given as a plain string where the
 * method allows it or as an EIP-1898 object {@code {"blockHash": h, "requireCanonical": b}} /
 * {@code {"blockNumber": n}}.
 */
public sealed interface BlockParameter {
  /** The named blocks. */
  enum Tag { LATEST, EARLIEST, PENDING, SAFE, FINALIZED }

  record Named(Tag tag) implements BlockParameter {}

  record Number(long number) implements BlockParameter {}

  /** @param requireCanonical refuse the block if it is not on the canonical chain */
  record Hash(byte[] hash, boolean requireCanonical) implements BlockParameter {}

  BlockParameter LATEST = new Named(Tag.LATEST);

  /** A tag or a number (methods whose spec says BlockNumberOrTag). */
  static BlockParameter numberOrTag(JsonNode node) {
    String text = RpcObject.toText(node);
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return new Number(Hex.parseLong(text));
    }
    return new Named(tag(text));
  }

  /** A tag, a number, a 32-byte hash string, or an EIP-1898 object (BlockNumberOrTagOrHash). */
  static BlockParameter numberTagOrHash(JsonNode node) {
    if (node != null && node.isObject()) {
      RpcObject o = new RpcObject(node);
      boolean byHash = o.has("blockHash");
      if (byHash == o.has("blockNumber")) {
        throw new IllegalArgumentException("exactly one of blockHash and blockNumber must be given");
      }
      if (!byHash) {
        if (o.has("requireCanonical")) {
          throw new IllegalArgumentException("requireCanonical goes with blockHash");
        }
        return numberOrTag(o.raw("blockNumber"));
      }
      Boolean canonical = o.optional("requireCanonical", RpcObject::toBoolean);
      return new Hash(o.hash("blockHash"), canonical != null && canonical);
    }
    String text = RpcObject.toText(node);
    if (text.length() == 66) {
      return new Hash(Hex.parseData(text, 32), false);
    }
    return numberOrTag(node);
  }

  private static Tag tag(String text) {
    try {
      return Tag.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "block tag must be latest, earliest, pending, safe or finalized, or a hex number; got \"" + text + "\"");
    }
  }
}
