package io.nativerollups.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ethereum.ckzg4844.CKZG4844JNI;
import io.nativerollups.evm.crypto.Kzg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Converting a one-proof-per-blob (EIP-4844) sidecar to the cell proof (EIP-7594) form. */
class BlobSidecarTest {
  private static List<byte[]> blobs;
  private static List<byte[]> commitments;
  private static List<byte[]> blobProofs;

  @BeforeAll
  static void twoBlobs() {
    Kzg.ensureLoaded();
    blobs = new ArrayList<>();
    commitments = new ArrayList<>();
    blobProofs = new ArrayList<>();
    for (int seed = 1; seed <= 2; seed++) {
      byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
      for (int i = 0; i < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; i++) {
        blob[32 * i + 31] = (byte) (i * seed);
      }
      byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
      blobs.add(blob);
      commitments.add(commitment);
      blobProofs.add(CKZG4844JNI.computeBlobKzgProof(blob, commitment));
    }
  }

  private static List<byte[]> versionedHashes() {
    return commitments.stream().map(Kzg::versionedHash).toList();
  }

  @Test
  void blobProofsBecomeTheProofsOfEveryCell() {
    BlobSidecar converted = new BlobSidecar(blobs, commitments, blobProofs, false).withCellProofs();
    assertTrue(converted.cellProofs());
    assertSame(blobs, converted.blobs());
    assertSame(commitments, converted.commitments());
    assertEquals(2 * BlobSidecar.CELLS_PER_EXT_BLOB, converted.proofs().size());
    byte[] secondBlobProofs = CKZG4844JNI.computeCellsAndKzgProofs(blobs.get(1)).getProofs();
    assertArrayEquals(Arrays.copyOfRange(secondBlobProofs, 0, CKZG4844JNI.BYTES_PER_PROOF),
        converted.proofs().get(BlobSidecar.CELLS_PER_EXT_BLOB));
    converted.verify(versionedHashes());
  }

  @Test
  void aCellProofSidecarIsKept() {
    BlobSidecar converted = new BlobSidecar(blobs, commitments, blobProofs, false).withCellProofs();
    assertSame(converted, converted.withCellProofs());
  }

  @Test
  void aBlobThatIsNoFieldElementSequenceCannotBeConverted() {
    byte[] overModulus = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    Arrays.fill(overModulus, (byte) 0xff);
    BlobSidecar bad = new BlobSidecar(List.of(overModulus), List.of(commitments.get(0)), List.of(blobProofs.get(0)), false);
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class, bad::withCellProofs);
    assertTrue(e.getMessage().startsWith("blob sidecar is malformed"), e.getMessage());
  }
}
