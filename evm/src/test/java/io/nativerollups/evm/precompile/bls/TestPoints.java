package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/** EIP-2537-encoded points and input corruptions shared by the BLS precompile tests. */
final class TestPoints {

  /** The main subgroup order q. */
  static final BigInteger Q =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private static final String G1_X =
      "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";
  private static final String G1_Y =
      "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";
  private static final String G2_X0 =
      "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";
  private static final String G2_X1 =
      "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e";
  private static final String G2_Y0 =
      "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801";
  private static final String G2_Y1 =
      "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";

  private TestPoints() {}

  /** The G1 generator H1 of the EIP. */
  static byte[] g1Generator() {
    return concat(fp(new BigInteger(G1_X, 16)), fp(new BigInteger(G1_Y, 16)));
  }

  /** The G2 generator H2 of the EIP. */
  static byte[] g2Generator() {
    return concat(
        fp(new BigInteger(G2_X0, 16)),
        fp(new BigInteger(G2_X1, 16)),
        fp(new BigInteger(G2_Y0, 16)),
        fp(new BigInteger(G2_Y1, 16)));
  }

  /** (0, 2): on y^2 = x^3 + 4 but of order 3, so outside the order-q subgroup. */
  static byte[] g1OutsideSubgroup() {
    return concat(fp(BigInteger.ZERO), fp(BigInteger.TWO));
  }

  /**
   * The point on y^2 = x^3 + 4(1 + i) with the smallest real x that has one; the curve's cofactor
   * is huge, so it is outside the order-q subgroup (the tests assert this through blst).
   */
  static byte[] g2OutsideSubgroup() {
    Fp2 b = Fp2.of(4, 4);
    for (long x = 0; ; x++) {
      Fp2 xx = Fp2.of(x, 0);
      Fp2 y = xx.square().multiply(xx).add(b).sqrt();
      if (y != null) {
        return concat(
            fp(xx.c0().value()), fp(xx.c1().value()), fp(y.c0().value()), fp(y.c1().value()));
      }
    }
  }

  /** The 64-byte encoding of a field element value. */
  static byte[] fp(BigInteger value) {
    byte[] encoded = new byte[64];
    byte[] minimal = value.toByteArray();
    int length = Math.min(minimal.length, 48);
    System.arraycopy(minimal, minimal.length - length, encoded, 64 - length, length);
    return encoded;
  }

  /** A 32-byte big-endian scalar. */
  static byte[] scalar(BigInteger value) {
    byte[] encoded = new byte[32];
    byte[] minimal = value.toByteArray();
    int length = Math.min(minimal.length, 32);
    System.arraycopy(minimal, minimal.length - length, encoded, 32 - length, length);
    return encoded;
  }

  /** A copy with a nonzero byte in the 16-byte padding of the field element at {@code offset}. */
  static byte[] withNonZeroPadding(byte[] input, int offset) {
    byte[] corrupted = input.clone();
    corrupted[offset] = 1;
    return corrupted;
  }

  /** A copy with the field element at {@code offset} replaced by p itself (not below p). */
  static byte[] withModulusAt(byte[] input, int offset) {
    byte[] corrupted = input.clone();
    System.arraycopy(fp(Fp.P), 0, corrupted, offset, 64);
    return corrupted;
  }

  /** A copy with the lowest bit of byte {@code index} (a y coordinate's) flipped. */
  static byte[] offCurve(byte[] input, int index) {
    byte[] corrupted = input.clone();
    corrupted[index] ^= 1;
    return corrupted;
  }

  static byte[] concat(byte[]... parts) {
    byte[] joined = new byte[0];
    for (byte[] part : parts) {
      int start = joined.length;
      joined = Arrays.copyOf(joined, start + part.length);
      System.arraycopy(part, 0, joined, start, part.length);
    }
    return joined;
  }

  static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }
}
