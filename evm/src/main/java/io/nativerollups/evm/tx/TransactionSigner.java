package io.nativerollups.evm.tx;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;

/** Signs transactions with a secp256k1 private key (for tests and tools that hold keys). */
public final class TransactionSigner {
  private static final UInt256 LEGACY_V_BASE = UInt256.valueOf(27);
  private static final BigInteger EIP155_V_BASE = BigInteger.valueOf(35);

  private TransactionSigner() {}

  /**
   * A copy of {@code tx} signed with {@code privateKey} and with its sender set. A legacy
   * transaction with a chain id is signed per EIP-155 (v = chainId*2+35+yParity), one without
   * gets v = 27+yParity; typed transactions carry the y-parity itself.
   *
   * @throws IllegalArgumentException if the key is not a valid 32-byte secp256k1 key, or an
   *     EIP-155 chain id is too large for v
   */
  public static Transaction sign(Transaction tx, byte[] privateKey) {
    Secp256k1.Signature sig = Secp256k1.sign(TransactionHasher.signingHash(tx), privateKey);
    UInt256 parity = UInt256.valueOf(sig.recId());
    UInt256 v;
    if (tx.type() != TransactionType.LEGACY) {
      v = parity;
    } else if (tx.chainId() == null) {
      v = LEGACY_V_BASE.add(parity);
    } else {
      // fromBigInteger rejects a chain id too large for v to fit in 256 bits.
      v = UInt256.fromBigInteger(
          tx.chainId().toBigInteger().shiftLeft(1).add(EIP155_V_BASE).add(parity.toBigInteger()));
    }
    return tx.toBuilder()
        .signature(v, sig.r(), sig.s())
        .sender(Secp256k1.addressOf(privateKey))
        .build();
  }
}
