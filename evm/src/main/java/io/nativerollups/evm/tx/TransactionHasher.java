package io.nativerollups.evm.tx;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import java.util.List;

/** The two hashes of a transaction: the one its signature signs and the one that identifies it. */
public final class TransactionHasher {
  private TransactionHasher() {}

  /**
   * The hash the sender signs: keccak of the unsigned fields, for typed transactions prefixed
   * with the type byte; for EIP-155 legacy transactions followed by {@code chainId, 0, 0}.
   */
  public static byte[] signingHash(Transaction tx) {
    List<byte[]> fields = TransactionEncoder.signedFields(tx);
    if (tx.type() == TransactionType.LEGACY && tx.chainId() != null) {
      fields.add(Rlp.encodeUInt256(tx.chainId()));
      fields.add(Rlp.encodeLong(0));
      fields.add(Rlp.encodeLong(0));
    }
    return Keccak256.hash(TransactionEncoder.envelope(tx.type(), Rlp.encodeList(fields)));
  }

  /** The transaction hash: keccak of its EIP-2718 encoding (for blob transactions, without sidecar). */
  public static byte[] hash(Transaction tx) {
    return Keccak256.hash(TransactionEncoder.encode(tx));
  }
}
