package io.nativerollups.evm.crypto;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;

/**
 * secp256k1 ECDSA as Ethereum uses it: public-key recovery (ECRECOVER, transaction senders,
 * EIP-7702 authorities), deterministic signing and addresses. Uses libsecp256k1 through JNI when
 * it loads and Bouncy Castle otherwise; both give identical results.
 */
public final class Secp256k1 {
  /** The order of the curve's group. */
  public static final UInt256 N =
      UInt256.fromHexString("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

  /** N / 2, rounded down: the largest s EIP-2 allows in transaction signatures. */
  public static final UInt256 HALF_N =
      UInt256.fromHexString("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

  private static final Secp256k1Backend NATIVE = NativeSecp256k1Backend.loadOrNull();
  private static final Secp256k1Backend FALLBACK = new BouncyCastleSecp256k1Backend();
  private static final Secp256k1Backend BACKEND = NATIVE != null ? NATIVE : FALLBACK;

  /** An ECDSA signature with its recovery id (the y parity of the nonce point, 0 or 1). */
  public record Signature(int recId, UInt256 r, UInt256 s) {}

  private Secp256k1() {}

  /**
   * The address whose key signed {@code hash32} as (r, s) with y-parity {@code recId}; null if
   * r or s is outside [1, N-1], recId is not 0 or 1, or no key matches. Applies no low-s rule:
   * callers that need EIP-2 compare s with {@link #HALF_N} themselves.
   */
  public static Address recoverAddress(byte[] hash32, int recId, UInt256 r, UInt256 s) {
    return recoverAddress(BACKEND, hash32, recId, r, s);
  }

  static Address recoverAddress(
      Secp256k1Backend backend, byte[] hash32, int recId, UInt256 r, UInt256 s) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + hash32.length);
    }
    if ((recId != 0 && recId != 1) || !inScalarRange(r) || !inScalarRange(s)) {
      return null;
    }
    byte[] publicKey = backend.recoverPublicKey(hash32, recId, r.toBytes(), s.toBytes());
    return publicKey == null ? null : addressOfPublicKey(publicKey);
  }

  /**
   * Signs {@code hash32} deterministically (RFC 6979) with a low s (EIP-2).
   *
   * @throws IllegalArgumentException if the key is not 32 bytes in [1, N-1]
   */
  public static Signature sign(byte[] hash32, byte[] privateKey32) {
    return sign(BACKEND, hash32, privateKey32);
  }

  static Signature sign(Secp256k1Backend backend, byte[] hash32, byte[] privateKey32) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + hash32.length);
    }
    checkPrivateKey(privateKey32);
    byte[] rs = backend.sign(hash32, privateKey32);
    byte[] r = Arrays.copyOfRange(rs, 0, 32);
    byte[] s = Arrays.copyOfRange(rs, 32, 64);
    // The signer does not report the nonce point's parity; the recovery id is the one that
    // recovers our own key.
    byte[] publicKey = backend.publicKey(privateKey32);
    int recId = Arrays.equals(backend.recoverPublicKey(hash32, 0, r, s), publicKey) ? 0 : 1;
    return new Signature(recId, UInt256.fromBytes(r), UInt256.fromBytes(s));
  }

  /**
   * The address of a private key: the last 20 bytes of keccak256 of its 64-byte public key.
   *
   * @throws IllegalArgumentException if the key is not 32 bytes in [1, N-1]
   */
  public static Address addressOf(byte[] privateKey32) {
    checkPrivateKey(privateKey32);
    return addressOfPublicKey(BACKEND.publicKey(privateKey32));
  }

  static Secp256k1Backend nativeBackendOrNull() {
    return NATIVE;
  }

  static Secp256k1Backend fallbackBackend() {
    return FALLBACK;
  }

  private static Address addressOfPublicKey(byte[] publicKey64) {
    byte[] hash = Keccak256.hash(publicKey64);
    return Address.wrap(Arrays.copyOfRange(hash, 12, 32));
  }

  private static boolean inScalarRange(UInt256 v) {
    return !v.isZero() && v.compareTo(N) < 0;
  }

  private static void checkPrivateKey(byte[] privateKey32) {
    if (privateKey32.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes, got " + privateKey32.length);
    }
    if (!inScalarRange(UInt256.fromBytes(privateKey32))) {
      throw new IllegalArgumentException("private key must be in [1, N-1]");
    }
  }
}
