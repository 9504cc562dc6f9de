package io.nativerollups.evm.tx;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;

/** EIP-7702 authorization signatures: recovering the authority and signing (for tests). */
public final class AuthorizationSigner {
  /** EIP-7702 MAGIC, the domain separator of authorization signatures. */
  private static final byte MAGIC = 0x05;

  private AuthorizationSigner() {}

  /** keccak256(MAGIC || rlp([chainId, address, nonce])). */
  public static byte[] signingHash(UInt256 chainId, Address address, long nonce) {
    byte[] rlp =
        Rlp.encodeList(
            Rlp.encodeUInt256(chainId), Rlp.encodeBytes(address.toArray()), Rlp.encodeLong(nonce));
    byte[] message = new byte[rlp.length + 1];
    message[0] = MAGIC;
    System.arraycopy(rlp, 0, message, 1, rlp.length);
    return Keccak256.hash(message);
  }

  /**
   * The account that signed {@code auth}, or null if the signature is invalid: yParity above 1,
   * r or s outside [1, N-1], s above N/2 (EIP-2), or no key recovers. Chain id and nonce are not
   * judged here; they depend on the chain and the authority's state.
   */
  public static Address recoverAuthority(Authorization auth) {
    if (auth.yParity().compareTo(UInt256.ONE) > 0 || auth.s().compareTo(Secp256k1.HALF_N) > 0) {
      return null;
    }
    return Secp256k1.recoverAddress(
        signingHash(auth.chainId(), auth.address(), auth.nonce()),
        (int) auth.yParity().toLong(),
        auth.r(),
        auth.s());
  }

  /** Signs an authorization to delegate the key's account to {@code address}. */
  public static Authorization sign(UInt256 chainId, Address address, long nonce, byte[] privateKey) {
    Secp256k1.Signature sig = Secp256k1.sign(signingHash(chainId, address, nonce), privateKey);
    return new Authorization(
        chainId, address, nonce, UInt256.valueOf(sig.recId()), sig.r(), sig.s());
  }
}
