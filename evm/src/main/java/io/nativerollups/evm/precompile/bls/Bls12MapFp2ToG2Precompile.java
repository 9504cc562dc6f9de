package io.nativerollups.evm.precompile.bls;

import io.nativerollups.evm.precompile.PrecompiledContract;
import java.math.BigInteger;
import java.util.List;
import supranational.blst.P2;

/**
 * EIP-2537 BLS12_MAP_FP2_TO_G2 (0x11): maps an Fp2 element to G2 by simplified SWU onto a
 * 3-isogenous curve, the 3-isogeny, then cofactor clearing by h_eff (field_to_curve.md).
 */
public final class Bls12MapFp2ToG2Precompile implements PrecompiledContract {

  private static final long GAS = 23_800;

  /** field_to_curve.md's "Fp2-to-G2 mapping" parameters; isogeny coefficients k_(i,0) first. */
  private static final IsogenousSwuMap<Fp2> MAP =
      new IsogenousSwuMap<>(
          Fp2.of(0, 240),
          Fp2.of(1012, 1012),
          Fp2.of(-2, -1),
          List.of(
              Fp2.fromHex(
                  "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
                  "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
              Fp2.fromHex(
                  "0",
                  "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
              Fp2.fromHex(
                  "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
                  "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
              Fp2.fromHex(
                  "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1",
                  "0")),
          List.of(
              Fp2.fromHex(
                  "0",
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
              Fp2.fromHex(
                  "c",
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
              Fp2.ONE),
          List.of(
              Fp2.fromHex(
                  "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
                  "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
              Fp2.fromHex(
                  "0",
                  "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
              Fp2.fromHex(
                  "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
                  "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
              Fp2.fromHex(
                  "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10",
                  "0")),
          List.of(
              Fp2.fromHex(
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb",
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
              Fp2.fromHex(
                  "0",
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
              Fp2.fromHex(
                  "12",
                  "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
              Fp2.ONE));

  /** The untwist-Frobenius-twist endomorphism psi((x, y)) = (conj(x) PSI_X, conj(y) PSI_Y). */
  private static final Fp2 PSI_X =
      new Fp2(
          Fp.ZERO,
          new Fp(
              new BigInteger(
                  "4002409555221667392624310435006688643935503118305586438271171395842971157480381377015405980053539358417135540939437")));

  private static final Fp2 PSI_Y =
      new Fp2(
          new Fp(
              new BigInteger(
                  "2973677408986561043442465346520108879172042883009249989176415018091420807192182638567116318576472649347015917690530")),
          new Fp(
              new BigInteger(
                  "1028732146235106349975324479215795277384839936929757896155643118032610843298655225875571310552543014690878354869257")));

  @Override
  public String name() {
    return "BLS12_MAP_FP2_TO_G2";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != Bls12Encoding.FP2_LENGTH) {
      return null;
    }
    Fp c0 = Bls12Encoding.decodeFp(input, 0);
    Fp c1 = Bls12Encoding.decodeFp(input, Bls12Encoding.FP_LENGTH);
    if (c0 == null || c1 == null) {
      return null;
    }
    return Bls12Encoding.encodeG2(clearCofactor(MAP.map(new Fp2(c0, c1))));
  }

  /**
   * h_eff P for a point of E2 (null for infinity), computed as RFC 9380's
   * clear_cofactor_bls12381_g2: x(x P + psi(P)) + psi^2(2P) - psi(P) - x P - P, which takes two
   * multiplications by the 64-bit seed where multiplying by the 636-bit h_eff takes several times
   * longer.
   */
  static P2 clearCofactor(AffinePoint<Fp2> point) {
    if (point == null) {
      return new P2();
    }
    AffinePoint<Fp2> psiAffine = psi(point);
    P2 p = Bls12Encoding.g2Point(point);
    P2 psiP = Bls12Encoding.g2Point(psiAffine);
    P2 psi2P = Bls12Encoding.g2Point(psi(psiAffine));
    P2 xP = timesSeed(p);
    P2 psi2Of2PMinusPsiP = psi2P.dbl().add(psiP.dup().neg());
    P2 xOfXPPlusPsiP = timesSeed(psiP.add(xP));
    return psi2Of2PMinusPsiP.add(xOfXPPlusPsiP).add(xP.neg()).add(p.neg());
  }

  /** psi as fast_subgroup_checks.md defines it; psi maps E2 to itself and G2 to G2. */
  private static AffinePoint<Fp2> psi(AffinePoint<Fp2> point) {
    return new AffinePoint<>(
        point.x().conjugate().multiply(PSI_X), point.y().conjugate().multiply(PSI_Y));
  }

  /** x P, a new point; x is negative. */
  private static P2 timesSeed(P2 point) {
    P2 product = point.dup();
    for (int bit = 62; bit >= 0; bit--) {
      product.dbl();
      if (Bls12Parameters.seedBit(bit)) {
        product.add(point);
      }
    }
    return product.neg();
  }
}
