package io.nativerollups.evm.precompile.bn254;

/**
 * Known-answer vectors for the three precompiles, computed with an independent implementation (the
 * JS library @noble/curves) from seeded random scalars: {input, expected output} in hex.
 */
final class Bn254Vectors {

  private Bn254Vectors() {}

  /** Two points, then their sum. */
  static final String[][] ADD = {
    {
      "0b70cd395715d1cffed87ba7122368e54f00c22c9cf99c9a679aa8469103c153"
          + "114569348636c0dcf27386f975533cf7674f3f8f1a3e7c7f33cbb201ebb2da08"
          + "0778b5f7182fed09c81690a6e178e1b05f05e6bddbf872f95d579d8e7f0cb3c3"
          + "0f6a47f7c80a200d2ef3dd606a053645c24f4e608b32bf063a4d2c697b93316a",
      "02c966f61d56989f564af27b03d6a120b1bac5e9cee8f24a38a7167bb6841c97"
          + "0065151a31d78e03c5395102dcdc07855bfd2f011c16404c34e7276e24006f11"
    },
    {
      "16f3ef32401f89f6639434ce8bf5ea0eb181f9f5d8d76823b6b7ce407b65e8e3"
          + "0f1d79f341ccb047d4b73d261d71a1997a4cdad17bd45a96fa5fc96fa4b47c8b"
          + "0b5cafdd7ff1d0e694f72fcd026617e0031d9de660220fdb2c1821cbb011240e"
          + "14f697d48326768e35575a4db18ca2113c1553cd086f5576e061bbb28d861afe",
      "0fca002464d00f9b4df8169bee1967bee2acb94e78b81759b07c3789b5608949"
          + "25fa98fd0060b478ff1470aa8118119ec5dec3d205f7694875200e84c69eef84"
    },
    {
      "0d9ead30d00c25f7e8e8f5142a43b7ca1dc6b4eeec10e56f54b35e75c10e7817"
          + "2e30e062a07f7b98470d4bcc25c3bf6cfc2ddf4fef364f1d4ff77dfe4a955fcc"
          + "2f6dd0ac22ad0424db56a688c2389dd6b32e80aa53925cf4ecf49362130e2f57"
          + "28978e8a2b8b0b8517825514f80b146e9bf7ae364b28fc166466a9f01dc49b2e",
      "0507acf1a8cbc445817547de8ea6da44cc2ac21c8ae7413d4dba7a778ec5ea67"
          + "19339639767d0e72f9956cea1eb82951b675de3e33671dedae29b3125ed9130c"
    },
    {
      "0581280194119d25921e514de63b173b7b1ac4e059ce2cd5092fa9b3c7d8c512"
          + "0c3d9d6f9e79fb8abe67a3f83306a655a7cf0c6d14ee6ceade62a87029e20e63"
          + "240a8fff9f27c86cfaa237476ee7c28299c00bd49e1f45dddaba94f1400d8d14"
          + "26385d6da3f76d65320a8f15233269c963f0670c8daf2a1887b1e9f7a4235dce",
      "071318aa9a2d280254b1601c618c04fe06ab221256373729d9ce87925a39a422"
          + "06c92b6bb03c9c40dd626fc4c702ba8672fc3d7ebe6d11eddc03d41306f19028"
    }
  };

  /**
   * A point and a scalar, then the product. Scalars: random, 2^256 - 1, r (gives infinity), r + 5
   * (between r and p) and p + 7 (above p).
   */
  static final String[][] MUL = {
    {
      "2cba7bf2ca4c57ac4f036efdaa383a0a462a3fcdd4d8994daafb84d198c7a5f4"
          + "15ec7aa5d2aa01fa8c477da8a1549c96015ba1cd977bfd764821410d59004cba"
          + "0c996e223db1a4f4e7860860627a8c33c360b934d02e734648a12d9e7a7f7e9d",
      "1042b2122997f7b79e0ab04db8d83e6d304be685c51ba3dfe99aab8e424933ee"
          + "0a9b046e07c5e02649e9776e473e08516e870ec1d3713dff38df93ba052f1dc4"
    },
    {
      "2347029e1d46f578363d71650dd6bef459977e3d6c3988426b0c71a477549af4"
          + "1dafd49857934c135f4340f68a861031de7cf8e1a03e52b9f1c091b0185e21c9"
          + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "104261ec46aa9bf7f09d97ce1e9fac0c9d03ced8d035284883f0d257ac1f904e"
          + "2535379eb981ab4aa9ba68db1a3ea7192369971d0d98b3e172f2f822c14ae435"
    },
    {
      "1f3fc787ddd6868e6147c1aabe74063f402713f6efe9a9608e58d5700877e1e3"
          + "1f17b6c4710d1d9a035e225b01f561f4e7b5e12373e9ca8c44bb47d44f83c0ec"
          + "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
      "0000000000000000000000000000000000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000000"
    },
    {
      "1032b5d7217c9cec6bf24ead5fcd8d6dd591e06b5e43d25344631f9344362eb3"
          + "0e63c131ae4341b956301241d8f1633a5336a34e1f2f5b9f5217520ac5a14d34"
          + "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000006",
      "2c538864bbbc67da27f5b7ce44c0fee5de8920c795df8a69aad0b3c10d6353d8"
          + "28f5b9798843ee05f598a5bc73af871991baf3c50c1b1de538daa09ba56d615f"
    },
    {
      "111e4ce397a517830c5b070003e2709a040063b6190ac4fc45e2ca63e4915223"
          + "232b045180b921112a8c5c5504780acec277d8d2011b3c8229f3166d74500acd"
          + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd4e",
      "01123e99c4172e88c7a2884bebc8f2d6f725dff96a1bf54ed53ae93715768172"
          + "2a1fba3acbea56aefdba9020b82364c83a26a74c8b997ad744bb7dbcbd9b5559"
    }
  };

  /** Three pairs e(a1 P1, b1 P2) e(a2 P1, b2 P2) e(-(a1 b1 + a2 b2) P1, P2): the product is 1. */
  static final String PAIRING_PRODUCT_ONE =
      "0c2aad8ac50e0c6b773bef876d3eb9e802c49a921ccad84f3150dcf698802fb8"
          + "260b5a417746ce962a9a828469fe66bef48655f18c6c8d40dae3d32a5c36d604"
          + "09b62c8c22834bb7acafdc9e103299a33852012a5bccff42539e592d53ffff21"
          + "0a64c8657cca19344a4eb1d2bff72b96a7241231b4fe79b072efb53065661652"
          + "21de48353a96781abd329a2132018dead27c4d8123d4f0fd18891bd7bcf814b4"
          + "04a0096bdfc691c9cceb931735407177ba0b761f94b59b0b51dfebc52109b58b"
          + "11c89b22a2391b71141a83811f24e52cb4e9c2e1b922ce4c47d0baf992e20f3b"
          + "1c49647247983ebaf3de6aca3cf081752efaae9766129c7248f1b7f5c6446cb2"
          + "22e70504503536db74776e096f4b2011306be77059c80fa5fa241fd7bef531a3"
          + "285a877e5c52dfcd7ed6744a9964c32f81cb509dde9af8145a87dfba3f8e518b"
          + "0c40fbab5ab6eac9605df2d9d93d117af57f59561c80962b6e5216fcad456d01"
          + "2a03e747a8cc2f874a200c14ace6f74125902109da6c3cb35a79e5be3b226d12"
          + "104e5954e745e1f29d44a1683e4ab46e9e5faef8e20223edc11c732ce61db978"
          + "0de8960b238b5fa704e197d137d30d63fb255dfbaa8597223e7abc0fbe92e3ae"
          + "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  /** Hex offset of the last pair's G1 point: two 192-byte pairs precede it. */
  private static final int LAST_G1 = 2 * 192 * 2;

  /** The same with the last G1 point moved by P1: the product is not 1. */
  static final String PAIRING_PRODUCT_NOT_ONE =
      PAIRING_PRODUCT_ONE.substring(0, LAST_G1)
          + "18559b807c6656d3f3409afda48535e6fcfb2b168796ccf92caf9234504c7e8e"
          + "0889020633dabba7fcff4baae1968f277f70b922a71c402cf1aae98ce55e378e"
          + PAIRING_PRODUCT_ONE.substring(LAST_G1 + 128);
}
