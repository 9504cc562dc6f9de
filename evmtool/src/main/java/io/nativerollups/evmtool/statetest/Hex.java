package io.nativerollups.evmtool.statetest;

import java.math.BigInteger;
import java.util.HexFormat;

/** Parsing of the hex (and occasional decimal) strings that fixtures use. */
public final class Hex {
  private Hex() {}

  /** Bytes of a {@code 0x}-prefixed (or bare) even-length hex string; "" and "0x" are empty. */
  public static byte[] bytes(String s) {
    String h = strip(s);
    if (h.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + s);
    }
    return HexFormat.of().parseHex(h);
  }

  /**
   * A non-negative integer written as {@code 0x}-hex or decimal. Fixtures that need a value wider
   * than its field write it as {@code 0x:bigint 0x...}.
   */
  public static BigInteger integer(String s) {
    String bigint = s.startsWith("0x:bigint ") ? s.substring("0x:bigint ".length())
        : s.startsWith(":bigint ") ? s.substring(":bigint ".length()) : null;
    if (bigint != null) {
      return integer(bigint);
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String h = s.substring(2);
      return h.isEmpty() ? BigInteger.ZERO : new BigInteger(h, 16);
    }
    BigInteger v = new BigInteger(s);
    if (v.signum() < 0) {
      throw new IllegalArgumentException("negative number: " + s);
    }
    return v;
  }

  public static String format(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }

  private static String strip(String s) {
    return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
  }
}
