package io.nativerollups.evm.tx;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import io.nativerollups.evm.crypto.Kzg;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blobs, KZG commitments and proofs that travel with a blob transaction in its network form:
 * EIP-4844's {@code [blobs, commitments, proofs]} with one proof per blob, or EIP-7594's version-1
 * wrapper with a proof for every cell of every extended blob.
 */
public record BlobSidecar(List<byte[]> blobs, List<byte[]> commitments, List<byte[]> proofs, boolean cellProofs) {
  /** Proofs per blob in the EIP-7594 (cell proof) form. */
  public static final int CELLS_PER_EXT_BLOB = CKZG4844JNI.CELLS_PER_EXT_BLOB;
  static final int BLOB_SIZE = CKZG4844JNI.BYTES_PER_BLOB;
  static final int COMMITMENT_SIZE = CKZG4844JNI.BYTES_PER_COMMITMENT;
  static final int PROOF_SIZE = CKZG4844JNI.BYTES_PER_PROOF;

  /**
   * Checks that the sidecar belongs to a transaction with these versioned hashes: one blob and
   * commitment per hash, the right number of proofs, each commitment hashing to its versioned hash,
   * and the proofs verifying the blobs against the commitments.
   *
   * @throws InvalidTransactionException naming the first mismatch
   */
  public void verify(List<byte[]> versionedHashes) {
    int count = versionedHashes.size();
    if (blobs.size() != count || commitments.size() != count) {
      throw new InvalidTransactionException(
          "blob transaction has " + count + " versioned hashes but " + blobs.size() + " blobs and "
              + commitments.size() + " commitments");
    }
    int proofsPerBlob = cellProofs ? CELLS_PER_EXT_BLOB : 1;
    if (proofs.size() != count * proofsPerBlob) {
      throw new InvalidTransactionException(
          "blob transaction needs " + count * proofsPerBlob + " proofs, got " + proofs.size());
    }
    for (int i = 0; i < count; i++) {
      if (!Arrays.equals(Kzg.versionedHash(commitments.get(i)), versionedHashes.get(i))) {
        throw new InvalidTransactionException(
            "KZG commitment " + i + " does not match blob versioned hash " + i);
      }
    }
    if (count > 0 && !proofsVerify()) {
      throw new InvalidTransactionException("KZG proofs do not verify the blobs against their commitments");
    }
  }

  /**
   * This sidecar in the EIP-7594 form: the proofs of every cell of each blob, computed from the
   * blobs; the one-proof-per-blob proofs are dropped unchecked (the cell proofs are what is
   * verified). geth converts a sidecar so on eth_sendRawTransaction once Osaka is active.
   *
   * @return this when it already carries cell proofs
   * @throws InvalidTransactionException for a blob that is no valid field element sequence
   */
  public BlobSidecar withCellProofs() {
    if (cellProofs) {
      return this;
    }
    Kzg.ensureLoaded();
    List<byte[]> cellProofList = new ArrayList<>(blobs.size() * CELLS_PER_EXT_BLOB);
    try {
      for (byte[] blob : blobs) {
        byte[] all = CKZG4844JNI.computeCellsAndKzgProofs(blob).getProofs();
        for (int i = 0; i < all.length; i += PROOF_SIZE) {
          cellProofList.add(Arrays.copyOfRange(all, i, i + PROOF_SIZE));
        }
      }
    } catch (CKZGException malformed) {
      throw new InvalidTransactionException("blob sidecar is malformed: " + malformed.getMessage(), malformed);
    }
    return new BlobSidecar(blobs, commitments, cellProofList, true);
  }

  private boolean proofsVerify() {
    Kzg.ensureLoaded();
    try {
      if (!cellProofs) {
        return CKZG4844JNI.verifyBlobKzgProofBatch(
            concat(blobs), concat(commitments), concat(proofs), blobs.size());
      }
      // Each blob's extension is recomputed; every cell is checked against its blob's commitment.
      int cellCount = blobs.size() * CELLS_PER_EXT_BLOB;
      ByteArrayOutputStream cells = new ByteArrayOutputStream(cellCount * CKZG4844JNI.BYTES_PER_CELL);
      ByteArrayOutputStream cellCommitments = new ByteArrayOutputStream(cellCount * COMMITMENT_SIZE);
      long[] cellIndices = new long[cellCount];
      for (int b = 0; b < blobs.size(); b++) {
        cells.writeBytes(CKZG4844JNI.computeCells(blobs.get(b)));
        for (int c = 0; c < CELLS_PER_EXT_BLOB; c++) {
          cellCommitments.writeBytes(commitments.get(b));
          cellIndices[b * CELLS_PER_EXT_BLOB + c] = c;
        }
      }
      return CKZG4844JNI.verifyCellKzgProofBatch(
          cellCommitments.toByteArray(), cellIndices, cells.toByteArray(), concat(proofs));
    } catch (CKZGException malformed) {
      // A field element not below the BLS modulus, or a point off the curve or subgroup.
      throw new InvalidTransactionException("blob sidecar is malformed: " + malformed.getMessage(), malformed);
    }
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
