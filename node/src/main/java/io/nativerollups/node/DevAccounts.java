package io.nativerollups.node;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.Address;
import java.util.HexFormat;
import java.util.List;

/**
 * The dev-only keys of genesis/l1-dev.json's prefunded accounts (listed in the README). They are
 * public: anything sent to them on a real network is lost.
 */
public final class DevAccounts {
  private DevAccounts() {}

  /** The private keys, hex without 0x. */
  public static final List<String> KEYS = List.of(
      "3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de",
      "bdd95b5ba9fbda9af453c806479dade573f9ad4275bdc2ee78cb319a88602bdd",
      "77fc9f422b50f444d25397081b1484995774401a9535c11154882b27e22a11ec",
      "43c115d56253f391a5463524f33595e1374c2ec4c0aa04814db1480a93927cf4");

  /** The address of a key of {@link #KEYS}. */
  public static Address address(String key) {
    return Secp256k1.addressOf(HexFormat.of().parseHex(key));
  }
}
