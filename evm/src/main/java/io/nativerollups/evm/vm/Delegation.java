package io.nativerollups.evm.vm;

import io.nativerollups.evm.types.Address;
import java.util.Arrays;

/** EIP-7702 delegation designators: code {@code 0xef0100 || address}. */
public final class Delegation {
  private static final byte[] PREFIX = {(byte) 0xEF, 0x01, 0x00};
  /** Length of a designator: prefix plus address. */
  public static final int SIZE = PREFIX.length + Address.SIZE;

  private Delegation() {}

  /** True if {@code code} is exactly a delegation designator. */
  public static boolean isDesignator(byte[] code) {
    return code.length == SIZE && code[0] == PREFIX[0] && code[1] == PREFIX[1] && code[2] == PREFIX[2];
  }

  /** The address a designator points to; the code must be a designator. */
  public static Address target(byte[] code) {
    return Address.wrap(Arrays.copyOfRange(code, PREFIX.length, SIZE));
  }

  /** The designator delegating to {@code target}. */
  public static byte[] designator(Address target) {
    byte[] code = Arrays.copyOf(PREFIX, SIZE);
    System.arraycopy(target.toArray(), 0, code, PREFIX.length, Address.SIZE);
    return code;
  }
}
