package io.nativerollups.evm.types;

import io.nativerollups.evm.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.tuweni.bytes.Bytes;

/** A 20-byte account address. Immutable; usable as a map key. */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of exactly 20 bytes. */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /** The low 20 bytes of a 32-byte big-endian word, as the EVM truncates stack words to addresses. */
  public static Address fromWord(byte[] word32) {
    return new Address(Arrays.copyOfRange(word32, word32.length - SIZE, word32.length));
  }

  /** Parses {@code 0x}-prefixed or bare hex of exactly 40 digits. */
  public static Address fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.length() != 2 * SIZE) {
      throw new IllegalArgumentException("address must be 40 hex digits: " + hex);
    }
    return new Address(HexFormat.of().parseHex(h));
  }

  /** A precompile-style address whose low bytes hold {@code n}. */
  public static Address ofLong(long n) {
    byte[] b = new byte[SIZE];
    for (int i = 0; i < 8; i++) {
      b[SIZE - 1 - i] = (byte) (n >>> (8 * i));
    }
    return new Address(b);
  }

  /** A copy of the 20 bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Byte {@code i} without copying. */
  public byte get(int i) {
    return bytes[i];
  }

  public Bytes toBytes() {
    return Bytes.wrap(bytes);
  }

  public String toHexString() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  /**
   * The EIP-55 mixed-case checksum form, as geth prints addresses ({@code common.Address.Hex}): a
   * hex letter is upper case where the keccak256 of the lower-case hex has a nibble of 8 or more.
   */
  public String toChecksumHexString() {
    String hex = HexFormat.of().formatHex(bytes);
    byte[] hash = Keccak256.hash(hex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(2 + hex.length()).append("0x");
    for (int i = 0; i < hex.length(); i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(hex.charAt(i)) : hex.charAt(i));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && hash == a.hash && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}
