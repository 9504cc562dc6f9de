package io.nativerollups.evm.crypto;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

/**
 * EIP-4844 KZG proof verification with c-kzg-4844 (through jc-kzg-4844) and the mainnet trusted
 * setup, which ships as {@code /trusted_setup.txt} in web3j's crypto jar. The native library and
 * the setup load once, on first use.
 */
public final class Kzg {
  private static final String TRUSTED_SETUP_RESOURCE = "/trusted_setup.txt";

  /** The version byte of a KZG commitment's versioned hash. */
  public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  private Kzg() {}

  /** Loads the library and setup when first touched; class initialisation makes this once-only. */
  private static final class Setup {
    static {
      CKZG4844JNI.loadNativeLibrary();
      // Any class of the web3j crypto jar locates the resource; precompute 0 keeps memory small.
      CKZG4844JNI.loadTrustedSetupFromResource(
          TRUSTED_SETUP_RESOURCE, org.web3j.crypto.Keys.class, 0);
    }

    static void ensureLoaded() {}
  }

  /**
   * Loads the native library and the trusted setup now rather than on first verification, for
   * callers that use {@link CKZG4844JNI} directly (it accepts only one setup per process).
   */
  public static void ensureLoaded() {
    Setup.ensureLoaded();
  }

  /** EIP-4844's kzg_to_versioned_hash: sha256(commitment) with its first byte set to 0x01. */
  public static byte[] versionedHash(byte[] commitment) {
    byte[] hash = Sha256.hash(commitment);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  /**
   * Whether {@code proof} shows that the polynomial committed to by {@code commitment} evaluates
   * to {@code y} at {@code z}. False for malformed inputs too: points not on the curve or not in
   * the subgroup, field elements not below the BLS modulus, wrong lengths.
   */
  public static boolean verifyProof(byte[] commitment48, byte[] z32, byte[] y32, byte[] proof48) {
    ensureLoaded();
    try {
      return CKZG4844JNI.verifyKzgProof(commitment48, z32, y32, proof48);
    } catch (CKZGException | IllegalArgumentException malformed) {
      return false;
    }
  }
}
