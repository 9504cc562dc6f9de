package io.nativerollups.evm.tx;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a signed transaction from its EIP-2718 form: a legacy RLP list or a type byte (0x01 to
 * 0x04) followed by the RLP payload. The RLP must be canonical, every field must have its type's
 * shape and size, and the signature must satisfy EIP-2 (s at most N/2); the sender is recovered.
 * Fork-dependent rules (which types exist, intrinsic gas, limits) are {@link TransactionValidator}'s.
 */
public final class TransactionDecoder {
  private static final UInt256 V_27 = UInt256.valueOf(27);
  private static final UInt256 V_28 = UInt256.valueOf(28);
  private static final UInt256 V_35 = UInt256.valueOf(35);
  private static final UInt256 MAX_AUTHORIZATION_Y_PARITY = UInt256.valueOf(255);

  private TransactionDecoder() {}

  /**
   * Decodes {@code raw} and recovers its sender.
   *
   * <p>A blob transaction is accepted in its canonical (block) form and in its network form
   * {@code 0x03 || rlp([payload, blobs, commitments, proofs])} or the EIP-7594 form
   * {@code 0x03 || rlp([payload, 1, blobs, commitments, cell_proofs])}. For the network forms the
   * sidecar must match the transaction: sizes and counts, each commitment hashing to its
   * versioned hash, and the KZG proofs verifying the blobs. The sidecar is not kept.
   *
   * @throws InvalidTransactionException naming what is malformed
   */
  public static Transaction decode(byte[] raw) {
    return decode(raw, true).transaction();
  }

  /**
   * A transaction with the blob sidecar its network form carried (null for other forms).
   *
   * @param transaction the decoded transaction, sender recovered
   * @param sidecar the blobs, commitments and proofs, or null
   */
  public record WithSidecar(Transaction transaction, BlobSidecar sidecar) {}

  /**
   * Decodes {@code raw} like {@link #decode} and keeps the blob sidecar of a network form. The
   * sidecar's shape is checked (sizes) but not its KZG proofs: that is left to the caller (the
   * pool), which also decides which form the fork accepts, via {@link BlobSidecar#verify}.
   *
   * @throws InvalidTransactionException naming what is malformed
   */
  public static WithSidecar decodeWithSidecar(byte[] raw) {
    return decode(raw, false);
  }

  private static WithSidecar decode(byte[] raw, boolean verifySidecar) {
    if (raw == null || raw.length == 0) {
      throw new InvalidTransactionException("empty transaction");
    }
    int first = raw[0] & 0xFF;
    if (first >= 0xC0) {
      return new WithSidecar(decodeLegacy(parseRlp(raw, 0, "legacy transaction")), null);
    }
    if (first >= 0x80) {
      throw new InvalidTransactionException(
          "transaction must start with a type byte or an RLP list, got RLP string prefix 0x"
              + Integer.toHexString(first));
    }
    TransactionType type = typedType(first);
    RlpItem payload = parseRlp(raw, 1, "type " + first + " transaction");
    if (type == TransactionType.BLOB && isBlobNetworkForm(payload)) {
      return decodeBlobNetworkForm(payload, verifySidecar);
    }
    return new WithSidecar(decodeTyped(type, payload), null);
  }

  private static TransactionType typedType(int typeByte) {
    if (typeByte == TransactionType.LEGACY.typeByte()) {
      throw new InvalidTransactionException(
          "type byte 0x00 has no envelope: a legacy transaction is a bare RLP list (EIP-2718)");
    }
    try {
      return TransactionType.of(typeByte);
    } catch (IllegalArgumentException e) {
      throw new InvalidTransactionException(e.getMessage(), e);
    }
  }

  private static RlpItem parseRlp(byte[] raw, int offset, String what) {
    try {
      return Rlp.decode(Arrays.copyOfRange(raw, offset, raw.length));
    } catch (RlpException e) {
      throw new InvalidTransactionException(what + ": malformed RLP: " + e.getMessage(), e);
    }
  }

  private static Transaction decodeLegacy(RlpItem list) {
    RlpFieldReader f = new RlpFieldReader(list, 9, "legacy transaction");
    Transaction.Builder b =
        Transaction.builder(TransactionType.LEGACY)
            .nonce(f.uint64("nonce"))
            .gasPrice(f.uint256("gasPrice"))
            .gasLimit(f.uint64("gasLimit"))
            .to(f.addressOrCreation("to"))
            .value(f.uint256("value"))
            .data(f.bytes("data"));
    UInt256 v = f.uint256("v");
    UInt256 r = f.uint256("r");
    UInt256 s = f.uint256("s");
    int recId;
    if (v.equals(V_27) || v.equals(V_28)) {
      recId = (int) (v.toLong() - 27);
    } else if (v.compareTo(V_35) >= 0) {
      // EIP-155: v = chainId * 2 + 35 + recId
      BigInteger offset = v.subtract(V_35).toBigInteger();
      recId = offset.testBit(0) ? 1 : 0;
      b.chainId(UInt256.fromBigInteger(offset.shiftRight(1)));
    } else {
      throw new InvalidTransactionException(
          "legacy transaction v must be 27, 28 or chainId*2+35/36 (EIP-155), got " + v.toLong());
    }
    return withRecoveredSender(b, recId, v, r, s);
  }

  private static Transaction decodeTyped(TransactionType type, RlpItem payload) {
    String what = "type " + type.typeByte() + " transaction";
    RlpFieldReader f = new RlpFieldReader(payload, fieldCount(type), what);
    Transaction.Builder b =
        Transaction.builder(type).chainId(f.uint256("chainId")).nonce(f.uint64("nonce"));
    if (type == TransactionType.ACCESS_LIST) {
      b.gasPrice(f.uint256("gasPrice"));
    } else {
      b.maxPriorityFeePerGas(f.uint256("maxPriorityFeePerGas"))
          .maxFeePerGas(f.uint256("maxFeePerGas"));
    }
    b.gasLimit(f.uint64("gasLimit"));
    // Blob and set-code transactions cannot create contracts: their "to" is mandatory.
    boolean creationAllowed = type == TransactionType.ACCESS_LIST || type == TransactionType.EIP1559;
    b.to(creationAllowed ? f.addressOrCreation("to") : f.address("to"))
        .value(f.uint256("value"))
        .data(f.bytes("data"))
        .accessList(decodeAccessList(f.list("accessList")));
    if (type == TransactionType.BLOB) {
      b.maxFeePerBlobGas(f.uint256("maxFeePerBlobGas"))
          .blobVersionedHashes(
              fixedSizeStrings(f.list("blobVersionedHashes"), 32, what + " blob versioned hash"));
    }
    if (type == TransactionType.SET_CODE) {
      b.authorizationList(decodeAuthorizations(f.list("authorizationList")));
    }
    UInt256 yParity = f.uint256("yParity");
    UInt256 r = f.uint256("r");
    UInt256 s = f.uint256("s");
    if (yParity.compareTo(UInt256.ONE) > 0) {
      throw new InvalidTransactionException(what + " yParity must be 0 or 1, got " + yParity);
    }
    return withRecoveredSender(b, (int) yParity.toLong(), yParity, r, s);
  }

  private static int fieldCount(TransactionType type) {
    return switch (type) {
      case ACCESS_LIST -> 11;
      case EIP1559 -> 12;
      case BLOB -> 14;
      case SET_CODE -> 13;
      case LEGACY -> throw new IllegalArgumentException("a legacy transaction has no type byte");
    };
  }

  private static Transaction withRecoveredSender(
      Transaction.Builder b, int recId, UInt256 v, UInt256 r, UInt256 s) {
    if (r.isZero() || r.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidTransactionException("signature r must be in [1, N-1], got " + r);
    }
    if (s.isZero() || s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new InvalidTransactionException("signature s must be in [1, N/2] (EIP-2), got " + s);
    }
    Transaction tx = b.signature(v, r, s).build();
    Address sender = Secp256k1.recoverAddress(TransactionHasher.signingHash(tx), recId, r, s);
    if (sender == null) {
      throw new InvalidTransactionException("signature does not recover to a public key");
    }
    return tx.withSender(sender);
  }

  private static List<AccessListEntry> decodeAccessList(RlpItem list) {
    List<AccessListEntry> entries = new ArrayList<>(list.items().size());
    for (RlpItem item : list.items()) {
      RlpFieldReader f = new RlpFieldReader(item, 2, "access list entry");
      Address address = f.address("address");
      List<UInt256> keys = new ArrayList<>();
      for (byte[] key : fixedSizeStrings(f.list("storageKeys"), 32, "access list storage key")) {
        keys.add(UInt256.fromBytes(key));
      }
      entries.add(new AccessListEntry(address, keys));
    }
    return entries;
  }

  private static List<Authorization> decodeAuthorizations(RlpItem list) {
    List<Authorization> authorizations = new ArrayList<>(list.items().size());
    for (RlpItem item : list.items()) {
      RlpFieldReader f = new RlpFieldReader(item, 6, "authorization");
      UInt256 chainId = f.uint256("chainId");
      Address address = f.address("address");
      long nonce = f.uint64("nonce");
      UInt256 yParity = f.uint256("yParity");
      // EIP-7702: yParity must fit in 8 bits for the transaction to be valid; a value of 2..255
      // only makes this authorization's signature invalid.
      if (yParity.compareTo(MAX_AUTHORIZATION_Y_PARITY) > 0) {
        throw new InvalidTransactionException("authorization yParity exceeds 2^8-1: " + yParity);
      }
      authorizations.add(
          new Authorization(chainId, address, nonce, yParity, f.uint256("r"), f.uint256("s")));
    }
    return authorizations;
  }

  private static List<byte[]> fixedSizeStrings(RlpItem list, int size, String what) {
    List<byte[]> out = new ArrayList<>(list.items().size());
    for (RlpItem item : list.items()) {
      if (item.isList()) {
        throw new InvalidTransactionException(what + " must be a byte string, got a list");
      }
      byte[] bytes = item.bytes();
      if (bytes.length != size) {
        throw new InvalidTransactionException(what + " must be " + size + " bytes, got " + bytes.length);
      }
      out.add(bytes);
    }
    return out;
  }

  /** The network form wraps the payload list; the canonical payload starts with the chain id. */
  private static boolean isBlobNetworkForm(RlpItem payload) {
    return payload.isList() && !payload.items().isEmpty() && payload.items().get(0).isList();
  }

  private static WithSidecar decodeBlobNetworkForm(RlpItem wrapper, boolean verify) {
    int fields = wrapper.items().size();
    if (fields != 4 && fields != 5) {
      throw new InvalidTransactionException(
          "blob transaction network wrapper must have 4 or 5 fields, got " + fields);
    }
    RlpFieldReader f = new RlpFieldReader(wrapper, fields, "blob transaction network wrapper");
    Transaction tx = decodeTyped(TransactionType.BLOB, f.list("payload"));
    if (fields == 5) {
      long version = f.uint64("wrapperVersion");
      if (version != 1) {
        throw new InvalidTransactionException(
            "blob transaction network wrapper version must be 1, got " + version);
      }
    }
    BlobSidecar sidecar = new BlobSidecar(
        fixedSizeStrings(f.list("blobs"), BlobSidecar.BLOB_SIZE, "blob"),
        fixedSizeStrings(f.list("commitments"), BlobSidecar.COMMITMENT_SIZE, "KZG commitment"),
        fixedSizeStrings(f.list("proofs"), BlobSidecar.PROOF_SIZE, "KZG proof"),
        fields == 5);
    if (verify) {
      sidecar.verify(tx.blobVersionedHashes());
    }
    return new WithSidecar(tx, sidecar);
  }
}
