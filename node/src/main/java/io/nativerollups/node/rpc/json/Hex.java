package io.nativerollups.node.rpc.json;

import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * The two hex encodings of the Ethereum JSON-RPC: QUANTITY ({@code 0x} and the big-endian value
 * without leading zeros, {@code 0x0} for zero) and DATA ({@code 0x} and two digits per byte).
 * Parsing is strict, as other clients are: a missing prefix, an odd-length DATA, a QUANTITY with
 * leading zeros or an empty one is refused with an {@link IllegalArgumentException} whose message
 * says why.
 */
public final class Hex {
  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Hex() {}

  /** DATA encoding of {@code bytes}. */
  public static String data(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  /** QUANTITY encoding of an unsigned 64-bit value. */
  public static String quantity(long unsigned) {
    return "0x" + Long.toUnsignedString(unsigned, 16);
  }

  /** QUANTITY encoding of a 256-bit value. */
  public static String quantity(UInt256 value) {
    return value.toHexString();
  }

  /** QUANTITY encoding of a non-negative integer. */
  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a quantity cannot be negative");
    }
    return "0x" + value.toString(16);
  }

  /** Parses DATA of any length. */
  public static byte[] parseData(String s) {
    String digits = digits(s);
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string of odd length");
    }
    try {
      return HEX.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid hex string");
    }
  }

  /** Parses DATA of exactly {@code size} bytes. */
  public static byte[] parseData(String s, int size) {
    byte[] bytes = parseData(s);
    if (bytes.length != size) {
      throw new IllegalArgumentException("hex string has length " + bytes.length + ", want " + size + " bytes");
    }
    return bytes;
  }

  /** Parses a QUANTITY of at most 256 bits. */
  public static BigInteger parseQuantity(String s) {
    String digits = digits(s);
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new IllegalArgumentException("hex number with leading zero digits");
    }
    if (digits.length() > 64) {
      throw new IllegalArgumentException("hex number > 256 bits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new IllegalArgumentException("invalid hex string");
      }
    }
    return new BigInteger(digits, 16);
  }

  /** Parses a QUANTITY that fits an unsigned 64-bit value (block numbers, gas, nonces). */
  public static long parseLong(String s) {
    BigInteger v = parseQuantity(s);
    if (v.compareTo(TWO_64) >= 0) {
      throw new IllegalArgumentException("hex number > 64 bits");
    }
    return v.longValue();
  }

  /** Parses a QUANTITY of at most 256 bits. */
  public static UInt256 parseUInt256(String s) {
    return UInt256.fromBigInteger(parseQuantity(s));
  }

  private static String digits(String s) {
    if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      throw new IllegalArgumentException("hex string without 0x prefix");
    }
    return s.substring(2);
  }
}
