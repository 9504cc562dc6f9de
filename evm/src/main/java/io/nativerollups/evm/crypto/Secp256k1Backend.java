package io.nativerollups.evm.crypto;

/**
 * One implementation of the secp256k1 operations {@link Secp256k1} needs. Inputs are already
 * range-checked by {@link Secp256k1}; public keys are 64 bytes (x || y, no 0x04 prefix).
 */
interface Secp256k1Backend {

  /** The public key signing {@code hash32} as (r, s) with y-parity {@code recId}, or null. */
  byte[] recoverPublicKey(byte[] hash32, int recId, byte[] r32, byte[] s32);

  /** A deterministic (RFC 6979) low-s signature, r || s in 64 bytes. */
  byte[] sign(byte[] hash32, byte[] privateKey32);

  /** The public key of a valid private key. */
  byte[] publicKey(byte[] privateKey32);
}
