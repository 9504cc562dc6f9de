package io.nativerollups.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * P256VERIFY at 0x100 (EIP-7951, Osaka): ECDSA verification over secp256r1. Input is exactly 160
 * bytes {@code h || r || s || qx || qy}; output is the word 1 for a valid signature and empty for
 * anything else (never a failed call). Costs 6900 gas whatever the outcome.
 */
public final class P256VerifyPrecompile implements PrecompiledContract {
  private static final long GAS = 6900;
  private static final int INPUT_SIZE = 160;
  private static final byte[] EMPTY = new byte[0];
  private static final X9ECParameters SECP256R1 = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = SECP256R1.getCurve();
  private static final BigInteger N = SECP256R1.getN();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  @Override
  public String name() {
    return "P256VERIFY";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    return input.length == INPUT_SIZE && verify(input) ? valid() : EMPTY;
  }

  private static byte[] valid() {
    byte[] out = new byte[32];
    out[31] = 1;
    return out;
  }

  private static boolean verify(byte[] input) {
    BigInteger h = field(input, 0);
    BigInteger r = field(input, 32);
    BigInteger s = field(input, 64);
    BigInteger qx = field(input, 96);
    BigInteger qy = field(input, 128);
    if (!isScalar(r) || !isScalar(s) || qx.compareTo(P) >= 0 || qy.compareTo(P) >= 0) {
      return false;
    }
    // (0, 0) encodes infinity and is not on the curve, so the curve check rejects it too.
    if (qx.signum() == 0 && qy.signum() == 0) {
      return false;
    }
    ECPoint q = CURVE.createPoint(qx, qy);
    if (!q.isValid()) {
      return false;
    }
    BigInteger sInverse = s.modInverse(N);
    ECPoint nonce =
        ECAlgorithms.sumOfTwoMultiplies(
                SECP256R1.getG(), h.multiply(sInverse).mod(N), q, r.multiply(sInverse).mod(N))
            .normalize();
    return !nonce.isInfinity() && nonce.getAffineXCoord().toBigInteger().mod(N).equals(r);
  }

  private static boolean isScalar(BigInteger v) {
    return v.signum() > 0 && v.compareTo(N) < 0;
  }

  private static BigInteger field(byte[] input, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(input, offset, offset + 32));
  }
}
