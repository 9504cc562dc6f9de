package io.nativerollups.evm.rlp;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One decoded RLP item: a byte string or a list of items. Obtained from {@link Rlp#decode(byte[])},
 * which has already validated the whole structure; list children are materialised on first access.
 * The typed accessors ({@code asLong}, {@code asUInt256}, ...) enforce the canonical form of the
 * value they read and throw {@link RlpException} (with the item's offset) when it does not fit.
 */
public final class RlpItem {
  private final byte[] src;
  private final int offset;
  private final int headerLength;
  private final int payloadLength;
  private final boolean list;
  private List<RlpItem> children;

  RlpItem(byte[] src, int offset, int headerLength, int payloadLength, boolean list) {
    this.src = src;
    this.offset = offset;
    this.headerLength = headerLength;
    this.payloadLength = payloadLength;
    this.list = list;
  }

  /** True for a list, false for a byte string. */
  public boolean isList() {
    return list;
  }

  /** Offset of this item within the decoded input, for error messages. */
  public int offset() {
    return offset;
  }

  /** The string payload (a copy). */
  public byte[] bytes() {
    requireString("a byte string");
    return Arrays.copyOfRange(src, payloadStart(), payloadStart() + payloadLength);
  }

  /** The list's items. */
  public List<RlpItem> items() {
    if (!list) {
      throw new RlpException("expected a list at offset " + offset + " but found a byte string");
    }
    if (children == null) {
      List<RlpItem> parsed = new ArrayList<>();
      int pos = payloadStart();
      int end = pos + payloadLength;
      while (pos < end) {
        long h = Rlp.readHeader(src, pos, end);
        parsed.add(new RlpItem(src, pos, Rlp.headerLen(h), Rlp.payloadLen(h), Rlp.isList(h)));
        pos += Rlp.headerLen(h) + Rlp.payloadLen(h);
      }
      children = Collections.unmodifiableList(parsed);
    }
    return children;
  }

  /**
   * A canonical unsigned integer of at most 8 bytes (no leading zero bytes; zero is the empty
   * string). Values of 2^63 and above are returned as their two's-complement bit pattern (negative);
   * callers that accept them must treat the result as unsigned.
   */
  public long asLong() {
    checkCanonicalInteger(8, "64-bit integer");
    long v = 0;
    for (int i = 0; i < payloadLength; i++) {
      v = (v << 8) | (src[payloadStart() + i] & 0xff);
    }
    return v;
  }

  /** A canonical unsigned integer of at most 32 bytes. */
  public UInt256 asUInt256() {
    checkCanonicalInteger(32, "256-bit integer");
    return UInt256.fromBytes(src, payloadStart(), payloadLength);
  }

  /** A string of exactly 20 bytes. */
  public Address asAddress() {
    requireLength(Address.SIZE, "an address");
    return Address.wrap(bytes());
  }

  /** A string of exactly 32 bytes (hashes, storage keys), as a copy. */
  public byte[] asBytes32() {
    requireLength(32, "a 32-byte string");
    return bytes();
  }

  /** The item's complete encoding, prefix included (a copy). */
  public byte[] encoded() {
    return Arrays.copyOfRange(src, offset, offset + headerLength + payloadLength);
  }

  private int payloadStart() {
    return offset + headerLength;
  }

  private void requireString(String what) {
    if (list) {
      throw new RlpException("expected " + what + " at offset " + offset + " but found a list");
    }
  }

  private void requireLength(int length, String what) {
    requireString(what);
    if (payloadLength != length) {
      throw new RlpException("expected " + what + " of " + length + " bytes at offset " + offset
          + " but found " + payloadLength + " bytes");
    }
  }

  private void checkCanonicalInteger(int maxBytes, String what) {
    requireString("a " + what);
    if (payloadLength > maxBytes) {
      throw new RlpException("expected a " + what + " at offset " + offset + " but found " + payloadLength
          + " bytes (max " + maxBytes + ")");
    }
    if (payloadLength > 0 && src[payloadStart()] == 0) {
      throw new RlpException("non-canonical " + what + " at offset " + offset + ": leading zero byte");
    }
  }

  @Override
  public String toString() {
    return (list ? "list" : "string") + "@" + offset + "[" + payloadLength + " bytes]";
  }
}
