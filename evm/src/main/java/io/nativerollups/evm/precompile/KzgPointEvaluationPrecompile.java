package io.nativerollups.evm.precompile;

import io.nativerollups.evm.crypto.Kzg;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * POINT_EVALUATION at 0x0a (EIP-4844). Input is exactly 192 bytes {@code versioned_hash || z || y
 * || commitment || proof}; the call succeeds when the commitment matches the versioned hash and
 * the proof shows p(z) = y, returning FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two words.
 */
public final class KzgPointEvaluationPrecompile implements PrecompiledContract {
  private static final long GAS = 50_000;
  private static final int INPUT_SIZE = 192;
  private static final long FIELD_ELEMENTS_PER_BLOB = 4096;
  private static final BigInteger BLS_MODULUS =
      new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513");

  private static final byte[] OUTPUT = successOutput();

  @Override
  public String name() {
    return "KZG_POINT_EVALUATION";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_SIZE) {
      return null;
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Arrays.equals(versionedHash, Kzg.versionedHash(commitment))) {
      return null;
    }
    return Kzg.verifyProof(commitment, z, y, proof) ? OUTPUT.clone() : null;
  }

  private static byte[] successOutput() {
    byte[] out = new byte[64];
    out[30] = (byte) (FIELD_ELEMENTS_PER_BLOB >>> 8);
    out[31] = (byte) FIELD_ELEMENTS_PER_BLOB;
    byte[] modulus = BLS_MODULUS.toByteArray(); // 32 bytes: the top bit is clear
    System.arraycopy(modulus, modulus.length - 32, out, 32, 32);
    return out;
  }
}
