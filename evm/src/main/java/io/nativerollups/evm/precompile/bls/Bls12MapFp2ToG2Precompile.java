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

  private static final BigInteger COFACTOR =
      new BigInteger(
          "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551",
          16);

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
    P2 point = Bls12Encoding.g2Point(MAP.map(new Fp2(c0, c1)));
    return Bls12Encoding.encodeG2(point.mult(COFACTOR));
  }
}
