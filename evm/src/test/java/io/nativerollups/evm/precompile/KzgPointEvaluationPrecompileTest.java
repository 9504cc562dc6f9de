package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import io.nativerollups.evm.crypto.Kzg;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POINT_EVALUATION with proofs computed by c-kzg for a random blob, then tampered with. */
class KzgPointEvaluationPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final KzgPointEvaluationPrecompile POINT_EVALUATION = new KzgPointEvaluationPrecompile();
  private static final BigInteger BLS_MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  /** EIP-4844's return value: FIELD_ELEMENTS_PER_BLOB (4096) and BLS_MODULUS. */
  private static final byte[] SUCCESS =
      HEX.parseHex(
          "0000000000000000000000000000000000000000000000000000000000001000"
              + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  /** The compressed G1 point at infinity: the commitment and proof of the zero polynomial. */
  private static final byte[] INFINITY = infinity();

  private static byte[] blob;
  private static byte[] commitment;

  @BeforeAll
  static void commitToRandomBlob() {
    Kzg.ensureLoaded();
    Random random = new Random(4844);
    blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    for (int i = 0; i < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; i++) {
      byte[] element = TestBytes.word(new BigInteger(256, random).mod(BLS_MODULUS));
      System.arraycopy(element, 0, blob, 32 * i, 32);
    }
    commitment = CKZG4844JNI.blobToKzgCommitment(blob);
  }

  private static byte[] infinity() {
    byte[] point = new byte[48];
    point[0] = (byte) 0xc0;
    return point;
  }

  private static byte[] input(byte[] versionedHash, byte[] z, byte[] y, byte[] commitment, byte[] proof) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(versionedHash);
    out.writeBytes(z);
    out.writeBytes(y);
    out.writeBytes(commitment);
    out.writeBytes(proof);
    return out.toByteArray();
  }

  private static byte[] validInput(BigInteger zValue) {
    byte[] z = TestBytes.word(zValue);
    ProofAndY proofAndY = CKZG4844JNI.computeKzgProof(blob, z);
    return input(Kzg.versionedHash(commitment), z, proofAndY.getY(), commitment, proofAndY.getProof());
  }

  @Test
  void validProofReturnsBlobSizeAndModulus() {
    assertArrayEquals(SUCCESS, POINT_EVALUATION.compute(validInput(BigInteger.valueOf(123456789))));
    assertArrayEquals(SUCCESS, POINT_EVALUATION.compute(validInput(BLS_MODULUS.subtract(BigInteger.ONE))));
  }

  @Test
  void zeroPolynomialEvaluatesToZeroEverywhere() {
    byte[] in = input(Kzg.versionedHash(INFINITY), TestBytes.word(BigInteger.TEN), new byte[32], INFINITY, INFINITY);
    assertArrayEquals(SUCCESS, POINT_EVALUATION.compute(in));
  }

  @Test
  void costs50000() {
    assertEquals(50_000, POINT_EVALUATION.gasRequirement(validInput(BigInteger.ONE)));
    assertEquals(50_000, POINT_EVALUATION.gasRequirement(new byte[0]));
  }

  @Test
  void wrongYFails() {
    byte[] in = validInput(BigInteger.valueOf(7));
    in[95] ^= 1;
    assertNull(POINT_EVALUATION.compute(in));
  }

  @Test
  void wrongZFails() {
    byte[] in = validInput(BigInteger.valueOf(7));
    in[63] ^= 1;
    assertNull(POINT_EVALUATION.compute(in));
  }

  @Test
  void tamperedProofFails() {
    byte[] in = validInput(BigInteger.valueOf(7));
    in[191] ^= 1; // no longer the right point, or not a point at all
    assertNull(POINT_EVALUATION.compute(in));
    byte[] infinityProof = validInput(BigInteger.valueOf(7));
    System.arraycopy(INFINITY, 0, infinityProof, 144, 48);
    assertNull(POINT_EVALUATION.compute(infinityProof));
  }

  @Test
  void versionedHashMismatchFails() {
    byte[] wrongHashByte = validInput(BigInteger.valueOf(7));
    wrongHashByte[31] ^= 1;
    assertNull(POINT_EVALUATION.compute(wrongHashByte));
    byte[] wrongVersion = validInput(BigInteger.valueOf(7));
    wrongVersion[0] = 0x02;
    assertNull(POINT_EVALUATION.compute(wrongVersion));
  }

  @Test
  void commitmentOfAnotherBlobFails() {
    byte[] in = validInput(BigInteger.valueOf(7));
    byte[] otherBlob = blob.clone();
    otherBlob[31] ^= 1;
    byte[] otherCommitment = CKZG4844JNI.blobToKzgCommitment(otherBlob);
    System.arraycopy(otherCommitment, 0, in, 96, 48);
    System.arraycopy(Kzg.versionedHash(otherCommitment), 0, in, 0, 32);
    assertNull(POINT_EVALUATION.compute(in));
  }

  @Test
  void fieldElementsNotBelowModulusFail() {
    byte[] zeroPolynomialAtModulus =
        input(Kzg.versionedHash(INFINITY), TestBytes.word(BLS_MODULUS), new byte[32], INFINITY, INFINITY);
    assertNull(POINT_EVALUATION.compute(zeroPolynomialAtModulus));
    byte[] yAtModulus =
        input(Kzg.versionedHash(INFINITY), new byte[32], TestBytes.word(BLS_MODULUS), INFINITY, INFINITY);
    assertNull(POINT_EVALUATION.compute(yAtModulus));
  }

  @Test
  void commitmentNotOnCurveFails() {
    byte[] notAPoint = new byte[48];
    Arrays.fill(notAPoint, (byte) 0xff);
    byte[] in = input(Kzg.versionedHash(notAPoint), new byte[32], new byte[32], notAPoint, INFINITY);
    assertNull(POINT_EVALUATION.compute(in));
  }

  @Test
  void wrongLengthFails() {
    byte[] in = validInput(BigInteger.valueOf(7));
    assertNull(POINT_EVALUATION.compute(Arrays.copyOf(in, 191)));
    assertNull(POINT_EVALUATION.compute(Arrays.copyOf(in, 193)));
    assertNull(POINT_EVALUATION.compute(new byte[0]));
  }
}
