package io.nativerollups.evm.rlp;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/**
 * Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B).
 *
 * <p>Encoders produce canonical RLP. {@link #decode(byte[])} accepts exactly one canonical item
 * and rejects everything else with an {@link RlpException} naming the problem and its offset.
 */
public final class Rlp {
  private static final int STRING_OFFSET = 0x80;
  private static final int LIST_OFFSET = 0xc0;
  /** Payloads of at least this many bytes use the long form (length of the length in the prefix). */
  private static final int SHORT_LIMIT = 56;

  /** Encoding of the empty byte string, also the canonical encoding of integer zero. */
  public static final byte[] EMPTY_STRING = {(byte) STRING_OFFSET};
  /** Encoding of the empty list. */
  public static final byte[] EMPTY_LIST = {(byte) LIST_OFFSET};

  private Rlp() {}

  /** Encodes a byte string (a single byte below 0x80 encodes as itself). */
  public static byte[] encodeBytes(byte[] bytes) {
    if (bytes.length == 1 && (bytes[0] & 0xff) < STRING_OFFSET) {
      return new byte[] {bytes[0]};
    }
    byte[] out = new byte[headerLength(bytes.length) + bytes.length];
    int pos = writeHeader(out, 0, STRING_OFFSET, bytes.length);
    System.arraycopy(bytes, 0, out, pos, bytes.length);
    return out;
  }

  /** Encodes {@code value} as an unsigned 64-bit integer in minimal big-endian form (0 is the empty string). */
  public static byte[] encodeLong(long value) {
    if (value == 0) {
      return EMPTY_STRING.clone();
    }
    if (value > 0 && value < STRING_OFFSET) {
      return new byte[] {(byte) value};
    }
    int n = 8 - Long.numberOfLeadingZeros(value) / 8;
    byte[] out = new byte[1 + n];
    out[0] = (byte) (STRING_OFFSET + n);
    for (int i = 0; i < n; i++) {
      out[1 + i] = (byte) (value >>> (8 * (n - 1 - i)));
    }
    return out;
  }

  /** Encodes a 256-bit unsigned integer in minimal big-endian form. */
  public static byte[] encodeUInt256(UInt256 value) {
    if (value.fitsLong()) {
      return encodeLong(value.toLong());
    }
    return encodeBytes(value.toMinimalBytes());
  }

  /** Encodes an address as its 20-byte string. */
  public static byte[] encodeAddress(Address address) {
    return encodeBytes(address.toArray());
  }

  /** Wraps already-encoded items in a list. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) {
      payload += item.length;
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int pos = writeHeader(out, 0, LIST_OFFSET, payload);
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, pos, item.length);
      pos += item.length;
    }
    return out;
  }

  /** Wraps already-encoded items in a list. */
  public static byte[] encodeList(byte[]... encodedItems) {
    return encodeList(List.of(encodedItems));
  }

  /** Size of the prefix for a string or list payload of {@code payloadLength} bytes (not for single bytes < 0x80). */
  public static int headerLength(int payloadLength) {
    if (payloadLength < SHORT_LIMIT) {
      return 1;
    }
    return 1 + 4 - Integer.numberOfLeadingZeros(payloadLength) / 8;
  }

  /**
   * Writes the prefix of a string ({@code base} 0x80) or list ({@code base} 0xc0) payload of
   * {@code payloadLength} bytes at {@code pos}; returns the position after it.
   */
  static int writeHeader(byte[] out, int pos, int base, int payloadLength) {
    if (payloadLength < SHORT_LIMIT) {
      out[pos] = (byte) (base + payloadLength);
      return pos + 1;
    }
    int n = 4 - Integer.numberOfLeadingZeros(payloadLength) / 8;
    out[pos] = (byte) (base + SHORT_LIMIT - 1 + n);
    for (int i = 0; i < n; i++) {
      out[pos + 1 + i] = (byte) (payloadLength >>> (8 * (n - 1 - i)));
    }
    return pos + 1 + n;
  }

  /**
   * Decodes exactly one canonical item occupying all of {@code encoded}. The whole structure is
   * validated here (iteratively, so deep nesting cannot overflow the stack); the returned item
   * reads from a private copy of the input.
   *
   * @throws RlpException if the input is empty, truncated, non-canonical or has trailing bytes
   */
  public static RlpItem decode(byte[] encoded) {
    byte[] src = encoded.clone();
    if (src.length == 0) {
      throw new RlpException("empty input: expected one RLP item at offset 0");
    }
    long top = readHeader(src, 0, src.length);
    int topEnd = headerLen(top) + payloadLen(top);
    if (topEnd != src.length) {
      throw new RlpException("trailing bytes at offset " + topEnd + ": item ends there but input has "
          + src.length + " bytes");
    }
    if (isList(top)) {
      validateListContents(src, headerLen(top), topEnd);
    }
    return new RlpItem(src, 0, headerLen(top), payloadLen(top), isList(top));
  }

  /** Checks every item nested in the list payload [pos, end), tracking enclosing list ends on an explicit stack. */
  private static void validateListContents(byte[] src, int pos, int end) {
    int[] enclosingEnds = new int[16];
    int depth = 0;
    while (true) {
      while (pos == end) {
        if (depth == 0) {
          return;
        }
        end = enclosingEnds[--depth];
      }
      long h = readHeader(src, pos, end);
      int itemStart = pos;
      pos += headerLen(h);
      if (isList(h)) {
        if (depth == enclosingEnds.length) {
          enclosingEnds = java.util.Arrays.copyOf(enclosingEnds, depth * 2);
        }
        enclosingEnds[depth++] = end;
        end = itemStart + headerLen(h) + payloadLen(h);
      } else {
        pos += payloadLen(h);
      }
    }
  }

  /**
   * Reads and checks the prefix of the item at {@code pos}, which must end by {@code end}.
   * Returns the header length (bits 32-39), payload length (low 32 bits) and list flag (bit 40)
   * packed in a long, so that scanning allocates nothing.
   */
  static long readHeader(byte[] src, int pos, int end) {
    if (pos >= end) {
      throw new RlpException("unexpected end of input at offset " + pos);
    }
    int b = src[pos] & 0xff;
    if (b < STRING_OFFSET) {
      return pack(0, 1, false);
    }
    boolean list = b >= LIST_OFFSET;
    int shortPrefix = b - (list ? LIST_OFFSET : STRING_OFFSET);
    String kind = list ? "list" : "string";
    if (shortPrefix < SHORT_LIMIT) {
      checkFits(pos, 1, shortPrefix, end, kind);
      if (!list && shortPrefix == 1 && (src[pos + 1] & 0xff) < STRING_OFFSET) {
        throw new RlpException("non-canonical string at offset " + pos + ": single byte 0x"
            + Integer.toHexString(src[pos + 1] & 0xff) + " below 0x80 must encode as itself");
      }
      return pack(1, shortPrefix, list);
    }
    int lengthOfLength = shortPrefix - SHORT_LIMIT + 1;
    if (end - pos - 1 < lengthOfLength) {
      throw new RlpException(kind + " at offset " + pos + ": " + lengthOfLength
          + "-byte length field extends past the end at offset " + end);
    }
    if (src[pos + 1] == 0) {
      throw new RlpException("non-canonical " + kind + " at offset " + pos + ": length field has a leading zero");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (src[pos + 1 + i] & 0xff);
    }
    int headerLength = 1 + lengthOfLength;
    // Unsigned compare: an 8-byte length may have its top bit set.
    if (Long.compareUnsigned(length, end - pos - headerLength) > 0) {
      throw new RlpException(kind + " at offset " + pos + " claims " + Long.toUnsignedString(length)
          + " payload bytes but only " + (end - pos - headerLength) + " remain before offset " + end);
    }
    if (length < SHORT_LIMIT) {
      throw new RlpException("non-canonical " + kind + " at offset " + pos + ": long form used for length "
          + length + " < 56");
    }
    return pack(headerLength, (int) length, list);
  }

  private static void checkFits(int pos, int headerLength, int payloadLength, int end, String kind) {
    if (payloadLength > end - pos - headerLength) {
      throw new RlpException(kind + " at offset " + pos + " claims " + payloadLength + " payload bytes but only "
          + (end - pos - headerLength) + " remain before offset " + end);
    }
  }

  private static long pack(int headerLength, int payloadLength, boolean list) {
    return (list ? 1L << 40 : 0) | ((long) headerLength << 32) | (payloadLength & 0xffffffffL);
  }

  static int headerLen(long packed) {
    return (int) (packed >>> 32) & 0xff;
  }

  static int payloadLen(long packed) {
    return (int) packed;
  }

  static boolean isList(long packed) {
    return (packed & (1L << 40)) != 0;
  }
}
