package io.nativerollups.evm.tx;

import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/**
 * Reads the fields of one RLP list in order, enforcing the shape each field must have (string or
 * list, size bound, no leading zeros in integers) and naming the field in every error.
 */
final class RlpFieldReader {
  private final String what;
  private final List<RlpItem> items;
  private int next;

  /** Expects {@code item} to be a list of exactly {@code expectedCount} items. */
  RlpFieldReader(RlpItem item, int expectedCount, String what) {
    if (!item.isList()) {
      throw new InvalidTransactionException(what + " must be an RLP list, got a byte string");
    }
    if (item.items().size() != expectedCount) {
      throw new InvalidTransactionException(
          what + " must have " + expectedCount + " fields, got " + item.items().size());
    }
    this.what = what;
    this.items = item.items();
  }

  /** Unsigned integer of at most 256 bits. */
  UInt256 uint256(String name) {
    return UInt256.fromBytes(integerBytes(name, 32, "2^256-1"));
  }

  /** Unsigned integer of at most 64 bits, held in a long. */
  long uint64(String name) {
    byte[] b = integerBytes(name, 8, "2^64-1");
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xFF);
    }
    return v;
  }

  /** Exactly 20 bytes. */
  Address address(String name) {
    byte[] b = bytes(name);
    if (b.length != Address.SIZE) {
      throw new InvalidTransactionException(
          what + " " + name + " must be 20 bytes, got " + b.length);
    }
    return Address.wrap(b);
  }

  /** Exactly 20 bytes, or empty for a contract creation (returned as null). */
  Address addressOrCreation(String name) {
    byte[] b = bytes(name);
    if (b.length == 0) {
      return null;
    }
    if (b.length != Address.SIZE) {
      throw new InvalidTransactionException(
          what + " " + name + " must be 20 bytes or empty, got " + b.length);
    }
    return Address.wrap(b);
  }

  /** Exactly {@code size} bytes. */
  byte[] fixedBytes(String name, int size) {
    byte[] b = bytes(name);
    if (b.length != size) {
      throw new InvalidTransactionException(
          what + " " + name + " must be " + size + " bytes, got " + b.length);
    }
    return b;
  }

  /** Any byte string. */
  byte[] bytes(String name) {
    RlpItem item = nextItem();
    if (item.isList()) {
      throw new InvalidTransactionException(what + " " + name + " must be a byte string, got a list");
    }
    return item.bytes();
  }

  /** A nested list. */
  RlpItem list(String name) {
    RlpItem item = nextItem();
    if (!item.isList()) {
      throw new InvalidTransactionException(what + " " + name + " must be a list, got a byte string");
    }
    return item;
  }

  private byte[] integerBytes(String name, int maxBytes, String maxText) {
    byte[] b = bytes(name);
    if (b.length > 0 && b[0] == 0) {
      throw new InvalidTransactionException(what + " " + name + " has leading zero bytes");
    }
    if (b.length > maxBytes) {
      throw new InvalidTransactionException(
          what + " " + name + " exceeds " + maxText + " (" + b.length + " bytes)");
    }
    return b;
  }

  private RlpItem nextItem() {
    return items.get(next++);
  }
}
