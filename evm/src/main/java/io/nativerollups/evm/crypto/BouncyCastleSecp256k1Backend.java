package io.nativerollups.evm.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** Pure-Java secp256k1 with Bouncy Castle: the fallback where the native library cannot load. */
final class BouncyCastleSecp256k1Backend implements Secp256k1Backend {
  private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(
          CURVE_PARAMS.getCurve(), CURVE_PARAMS.getG(), CURVE_PARAMS.getN(), CURVE_PARAMS.getH());
  private static final BigInteger N = CURVE_PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);

  @Override
  public byte[] recoverPublicKey(byte[] hash32, int recId, byte[] r32, byte[] s32) {
    BigInteger r = new BigInteger(1, r32);
    BigInteger s = new BigInteger(1, s32);
    // R = the curve point with x = r and the y parity recId (r < N < p, so x needs no reduction).
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (recId == 0 ? 0x02 : 0x03);
    System.arraycopy(r32, 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    // Q = r^-1 (s R - e G)
    BigInteger e = new BigInteger(1, hash32);
    BigInteger rInv = r.modInverse(N);
    BigInteger gFactor = e.negate().multiply(rInv).mod(N);
    BigInteger rFactor = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), gFactor, bigR, rFactor).normalize();
    if (q.isInfinity()) {
      return null;
    }
    return encode(q);
  }

  @Override
  public byte[] sign(byte[] hash32, byte[] privateKey32) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey32), DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash32);
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
    BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    return out;
  }

  @Override
  public byte[] publicKey(byte[] privateKey32) {
    return encode(DOMAIN.getG().multiply(new BigInteger(1, privateKey32)).normalize());
  }

  private static byte[] encode(ECPoint normalized) {
    return Arrays.copyOfRange(normalized.getEncoded(false), 1, 65);
  }
}
