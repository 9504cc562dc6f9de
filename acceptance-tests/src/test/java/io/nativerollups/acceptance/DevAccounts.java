package io.nativerollups.acceptance;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The funded accounts of {@code genesis/l1-dev.json}. Their keys are public (the README lists them)
 * and only good for a local devnet.
 */
public final class DevAccounts {
  /** Chain id of the L1 dev genesis. */
  public static final long CHAIN_ID = 1337;

  public static final Credentials ALICE =
      Credentials.create("3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de");
  public static final Credentials BOB =
      Credentials.create("bdd95b5ba9fbda9af453c806479dade573f9ad4275bdc2ee78cb319a88602bdd");
  public static final Credentials CAROL =
      Credentials.create("77fc9f422b50f444d25397081b1484995774401a9535c11154882b27e22a11ec");
  public static final Credentials DAVE =
      Credentials.create("43c115d56253f391a5463524f33595e1374c2ec4c0aa04814db1480a93927cf4");

  /** What each dev account holds at genesis: 1,000,000 ether. */
  public static final BigInteger GENESIS_BALANCE = new BigInteger("d3c21bcecceda1000000", 16);

  private DevAccounts() {}

  /** A new account with a random key, holding nothing. */
  public static Credentials random() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw 32-byte private key, for signing with our own codec. */
  public static byte[] privateKey(Credentials account) {
    byte[] key = new byte[32];
    byte[] raw = account.getEcKeyPair().getPrivateKey().toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, key, 32 - copy, copy);
    return key;
  }
}
