package io.nativerollups.node.txpool;

import io.nativerollups.evm.tx.BlobSidecar;
import java.util.List;

/**
 * One blob of a pooled blob transaction, as engine_getBlobs hands it out: the blob, its KZG
 * commitment and its proofs, in the form the sidecar came in.
 *
 * @param proofs the blob's single EIP-4844 proof, or its {@link BlobSidecar#CELLS_PER_EXT_BLOB}
 *     EIP-7594 cell proofs when {@code cellProofs}
 */
public record PooledBlob(byte[] blob, byte[] commitment, List<byte[]> proofs, boolean cellProofs) {
  /** Blob {@code index} of {@code sidecar}. */
  public static PooledBlob of(BlobSidecar sidecar, int index) {
    int proofsPerBlob = sidecar.cellProofs() ? BlobSidecar.CELLS_PER_EXT_BLOB : 1;
    return new PooledBlob(sidecar.blobs().get(index), sidecar.commitments().get(index),
        List.copyOf(sidecar.proofs().subList(index * proofsPerBlob, (index + 1) * proofsPerBlob)), sidecar.cellProofs());
  }
}
