package io.nativerollups.evm.trie;

import io.nativerollups.evm.rlp.RlpException;
import java.util.Arrays;

/** Nibble paths (one nibble per byte) and their hex-prefix encoding (Yellow Paper, appendix C). */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  /** The nibbles of {@code key}, high nibble of each byte first. */
  static byte[] fromKey(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >>> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Length of the common prefix of {@code path} and {@code key[from..]}. */
  static int commonPrefix(byte[] path, byte[] key, int from) {
    int max = Math.min(path.length, key.length - from);
    int i = 0;
    while (i < max && path[i] == key[from + i]) {
      i++;
    }
    return i;
  }

  static byte[] slice(byte[] nibbles, int from, int to) {
    return from == to ? EMPTY : Arrays.copyOfRange(nibbles, from, to);
  }

  static byte[] slice(byte[] nibbles, int from) {
    return slice(nibbles, from, nibbles.length);
  }

  /** {@code nibble} followed by {@code rest}. */
  static byte[] prepend(int nibble, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Hex-prefix encoding: flag nibble (2 = leaf, 1 = odd length), optional padding nibble, packed path. */
  static byte[] hexPrefix(byte[] path, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (path.length & 1);
    byte[] out = new byte[path.length / 2 + 1];
    int i = 0;
    if ((path.length & 1) == 1) {
      out[0] = (byte) ((flag << 4) | path[0]);
      i = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; i < path.length; i += 2, o++) {
      out[o] = (byte) ((path[i] << 4) | path[i + 1]);
    }
    return out;
  }

  /** True if the hex-prefix encoded path {@code hp} carries the leaf flag; validates the flag nibble. */
  static boolean isLeaf(byte[] hp, int offset) {
    return hexPrefixFlag(hp, offset) >= 2;
  }

  /** Decodes a hex-prefix encoded path to nibbles. */
  static byte[] fromHexPrefix(byte[] hp, int offset) {
    int flag = hexPrefixFlag(hp, offset);
    boolean odd = (flag & 1) == 1;
    if (!odd && (hp[0] & 0x0f) != 0) {
      throw new RlpException("hex-prefix path at offset " + offset + ": even-length path has non-zero padding nibble");
    }
    byte[] out = new byte[(hp.length - 1) * 2 + (odd ? 1 : 0)];
    int o = 0;
    if (odd) {
      out[o++] = (byte) (hp[0] & 0x0f);
    }
    for (int i = 1; i < hp.length; i++) {
      out[o++] = (byte) ((hp[i] >>> 4) & 0x0f);
      out[o++] = (byte) (hp[i] & 0x0f);
    }
    return out;
  }

  private static int hexPrefixFlag(byte[] hp, int offset) {
    if (hp.length == 0) {
      throw new RlpException("hex-prefix path at offset " + offset + " is empty");
    }
    int flag = (hp[0] >>> 4) & 0x0f;
    if (flag > 3) {
      throw new RlpException("hex-prefix path at offset " + offset + ": invalid flag nibble " + flag);
    }
    return flag;
  }
}
