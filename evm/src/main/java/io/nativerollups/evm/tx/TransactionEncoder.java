package io.nativerollups.evm.tx;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a signed transaction in its EIP-2718 form: the RLP list for legacy transactions, the
 * type byte followed by the RLP payload otherwise. Blob transactions get their canonical (block)
 * form, without the sidecar.
 */
public final class TransactionEncoder {
  private TransactionEncoder() {}

  /**
   * The EIP-2718 encoding of {@code tx}, the inverse of {@link TransactionDecoder#decode}.
   *
   * @throws IllegalArgumentException if {@code tx} is unsigned or lacks a field its type needs
   */
  public static byte[] encode(Transaction tx) {
    if (tx.v() == null || tx.r() == null || tx.s() == null) {
      throw new IllegalArgumentException("cannot encode an unsigned transaction");
    }
    List<byte[]> fields = signedFields(tx);
    fields.add(Rlp.encodeUInt256(tx.v()));
    fields.add(Rlp.encodeUInt256(tx.r()));
    fields.add(Rlp.encodeUInt256(tx.s()));
    return envelope(tx.type(), Rlp.encodeList(fields));
  }

  /**
   * The RLP-encoded fields that precede the signature, in the order of {@code tx}'s type (for
   * legacy transactions without the EIP-155 chain id suffix). A new mutable list.
   */
  static List<byte[]> signedFields(Transaction tx) {
    TransactionType type = tx.type();
    List<byte[]> f = new ArrayList<>(16);
    if (type != TransactionType.LEGACY) {
      f.add(Rlp.encodeUInt256(required(tx.chainId(), "chainId", tx)));
    }
    f.add(Rlp.encodeLong(tx.nonce()));
    if (type == TransactionType.LEGACY || type == TransactionType.ACCESS_LIST) {
      f.add(Rlp.encodeUInt256(required(tx.gasPrice(), "gasPrice", tx)));
    } else {
      f.add(Rlp.encodeUInt256(required(tx.maxPriorityFeePerGas(), "maxPriorityFeePerGas", tx)));
      f.add(Rlp.encodeUInt256(required(tx.maxFeePerGas(), "maxFeePerGas", tx)));
    }
    f.add(Rlp.encodeLong(tx.gasLimit()));
    f.add(Rlp.encodeBytes(tx.to() == null ? new byte[0] : tx.to().toArray()));
    f.add(Rlp.encodeUInt256(tx.value()));
    f.add(Rlp.encodeBytes(tx.data()));
    if (type != TransactionType.LEGACY) {
      f.add(encodeAccessList(tx.accessList()));
    }
    if (type == TransactionType.BLOB) {
      f.add(Rlp.encodeUInt256(required(tx.maxFeePerBlobGas(), "maxFeePerBlobGas", tx)));
      List<byte[]> hashes = new ArrayList<>(tx.blobVersionedHashes().size());
      for (byte[] hash : tx.blobVersionedHashes()) {
        hashes.add(Rlp.encodeBytes(hash));
      }
      f.add(Rlp.encodeList(hashes));
    }
    if (type == TransactionType.SET_CODE) {
      f.add(encodeAuthorizations(tx.authorizationList()));
    }
    return f;
  }

  /** Legacy transactions are the bare RLP list; typed ones are prefixed with their type byte. */
  static byte[] envelope(TransactionType type, byte[] rlp) {
    if (type == TransactionType.LEGACY) {
      return rlp;
    }
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) type.typeByte();
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  private static byte[] encodeAccessList(List<AccessListEntry> accessList) {
    List<byte[]> entries = new ArrayList<>(accessList.size());
    for (AccessListEntry entry : accessList) {
      List<byte[]> keys = new ArrayList<>(entry.storageKeys().size());
      for (UInt256 key : entry.storageKeys()) {
        // Storage keys are 32-byte strings, not minimal integers.
        keys.add(Rlp.encodeBytes(key.toBytes()));
      }
      entries.add(Rlp.encodeList(Rlp.encodeBytes(entry.address().toArray()), Rlp.encodeList(keys)));
    }
    return Rlp.encodeList(entries);
  }

  private static byte[] encodeAuthorizations(List<Authorization> authorizations) {
    List<byte[]> tuples = new ArrayList<>(authorizations.size());
    for (Authorization a : authorizations) {
      tuples.add(
          Rlp.encodeList(
              Rlp.encodeUInt256(a.chainId()),
              Rlp.encodeBytes(a.address().toArray()),
              Rlp.encodeLong(a.nonce()),
              Rlp.encodeUInt256(a.yParity()),
              Rlp.encodeUInt256(a.r()),
              Rlp.encodeUInt256(a.s())));
    }
    return Rlp.encodeList(tuples);
  }

  private static UInt256 required(UInt256 value, String name, Transaction tx) {
    if (value == null) {
      throw new IllegalArgumentException(
          "a type " + tx.type().typeByte() + " transaction needs " + name);
    }
    return value;
  }
}
