package io.nativerollups.node;

import ethereum.ckzg4844.CKZG4844JNI;
import io.nativerollups.evm.crypto.Kzg;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Signed blob transactions from {@link TestNode#KEY} with real blobs, KZG commitments and proofs. */
public final class BlobTransactions {
  public static final Address TO = Address.fromHex("0x00000000000000000000000000000000000b10b5");

  private BlobTransactions() {}

  /** A blob of small distinct field elements (all below the BLS modulus), varied by {@code seed}. */
  public static byte[] blob(int seed) {
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    for (int i = 0; i < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; i++) {
      blob[32 * i + 31] = (byte) (i + seed);
      blob[32 * i + 30] = (byte) (i >> 8);
      blob[32 * i + 29] = (byte) seed;
    }
    return blob;
  }

  /**
   * The sidecar of one blob per seed: one proof per blob (EIP-4844), or with {@code cellProofs} the
   * proofs of every cell (EIP-7594).
   */
  public static BlobSidecar sidecar(boolean cellProofs, int... seeds) {
    Kzg.ensureLoaded();
    List<byte[]> blobs = new ArrayList<>();
    List<byte[]> commitments = new ArrayList<>();
    List<byte[]> proofs = new ArrayList<>();
    for (int seed : seeds) {
      byte[] blob = blob(seed);
      byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
      blobs.add(blob);
      commitments.add(commitment);
      if (cellProofs) {
        byte[] all = CKZG4844JNI.computeCellsAndKzgProofs(blob).getProofs();
        for (int i = 0; i < all.length; i += CKZG4844JNI.BYTES_PER_PROOF) {
          proofs.add(Arrays.copyOfRange(all, i, i + CKZG4844JNI.BYTES_PER_PROOF));
        }
      } else {
        proofs.add(CKZG4844JNI.computeBlobKzgProof(blob, commitment));
      }
    }
    return new BlobSidecar(blobs, commitments, proofs, cellProofs);
  }

  /** A signed blob transaction for {@code sidecar}'s commitments paying up to {@code maxFeePerBlobGas}. */
  public static Transaction transaction(long nonce, BlobSidecar sidecar, long maxFeePerBlobGas) {
    List<byte[]> hashes = new ArrayList<>();
    sidecar.commitments().forEach(c -> hashes.add(Kzg.versionedHash(c)));
    return TransactionSigner.sign(Transaction.builder(TransactionType.BLOB)
        .chainId(UInt256.valueOf(TestNode.CHAIN_ID)).nonce(nonce).gasLimit(21_000).to(TO).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(10_000_000_000L)).data(new byte[0])
        .accessList(List.of()).maxFeePerBlobGas(UInt256.valueOf(maxFeePerBlobGas)).blobVersionedHashes(hashes)
        .build(), TestNode.KEY);
  }

  /** The network form: {@code 0x03 || rlp([payload, (1,) blobs, commitments, proofs])}. */
  public static byte[] networkForm(Transaction tx, BlobSidecar sidecar) {
    byte[] canonical = TransactionEncoder.encode(tx);
    byte[] payload = Arrays.copyOfRange(canonical, 1, canonical.length);
    List<byte[]> fields = new ArrayList<>(List.of(payload));
    if (sidecar.cellProofs()) {
      fields.add(Rlp.encodeLong(1));
    }
    fields.add(strings(sidecar.blobs()));
    fields.add(strings(sidecar.commitments()));
    fields.add(strings(sidecar.proofs()));
    byte[] wrapper = Rlp.encodeList(fields);
    byte[] raw = new byte[1 + wrapper.length];
    raw[0] = (byte) TransactionType.BLOB.typeByte();
    System.arraycopy(wrapper, 0, raw, 1, wrapper.length);
    return raw;
  }

  private static byte[] strings(List<byte[]> values) {
    List<byte[]> items = new ArrayList<>();
    values.forEach(v -> items.add(Rlp.encodeBytes(v)));
    return Rlp.encodeList(items);
  }
}
