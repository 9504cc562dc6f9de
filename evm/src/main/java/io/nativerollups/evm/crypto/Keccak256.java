package io.nativerollups.evm.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final byte[] EMPTY = hash(new byte[0]);

  /** keccak256(rlp("")) = the root of an empty trie. */
  public static final byte[] EMPTY_TRIE_ROOT = hash(new byte[] {(byte) 0x80});

  private Keccak256() {}

  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static byte[] hash(byte[] data, int offset, int length) {
    KeccakDigest d = DIGEST.get();
    d.update(data, offset, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
