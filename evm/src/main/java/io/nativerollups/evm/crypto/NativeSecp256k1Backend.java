package io.nativerollups.evm.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;

/** libsecp256k1 through the ACINQ JNI binding: about ten times faster than Bouncy Castle. */
final class NativeSecp256k1Backend implements Secp256k1Backend {
  private final fr.acinq.secp256k1.Secp256k1 lib;

  private NativeSecp256k1Backend(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /** The native backend, or null when the JNI library cannot be loaded on this platform. */
  static NativeSecp256k1Backend loadOrNull() {
    try {
      return new NativeSecp256k1Backend(fr.acinq.secp256k1.Secp256k1.get());
    } catch (LinkageError | RuntimeException e) {
      // Unsupported platform or missing native jar: the caller falls back to Bouncy Castle.
      return null;
    }
  }

  @Override
  public byte[] recoverPublicKey(byte[] hash32, int recId, byte[] r32, byte[] s32) {
    byte[] sig = new byte[64];
    System.arraycopy(r32, 0, sig, 0, 32);
    System.arraycopy(s32, 0, sig, 32, 32);
    try {
      return withoutPrefix(lib.ecdsaRecover(sig, hash32, recId));
    } catch (Secp256k1Exception e) {
      return null; // no point with this x on the curve, or the recovered key is infinity
    }
  }

  @Override
  public byte[] sign(byte[] hash32, byte[] privateKey32) {
    return lib.sign(hash32, privateKey32, null);
  }

  @Override
  public byte[] publicKey(byte[] privateKey32) {
    return withoutPrefix(lib.pubkeyCreate(privateKey32));
  }

  /** libsecp256k1 returns 65-byte uncompressed keys starting with 0x04. */
  private static byte[] withoutPrefix(byte[] uncompressed65) {
    return Arrays.copyOfRange(uncompressed65, 1, 65);
  }
}
