package io.nativerollups.node.rpc;

import io.nativerollups.node.rpc.json.Hex;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Ids of subscriptions and installed filters: 128 random bits as a hex quantity ({@code 0x} and no
 * leading zeros), the form geth's ids take. Random, so one client cannot guess another's id.
 */
public final class RpcIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RpcIds() {}

  /** A fresh id. */
  public static String next() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Hex.quantity(new BigInteger(1, bits));
  }
}
