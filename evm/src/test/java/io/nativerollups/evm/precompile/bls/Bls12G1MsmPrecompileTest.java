package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12G1MsmPrecompileTest {

  private final Bls12G1MsmPrecompile precompile = new Bls12G1MsmPrecompile();

  @TestFactory
  Stream<DynamicTest> eip2537MsmVectorsGiveExpectedResultAndGas() {
    return Eip2537Vectors.succeed("msm_G1_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537MulVectorsGiveExpectedResultAndGas() {
    return Eip2537Vectors.succeed("mul_G1_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537MsmFailVectorsFail() {
    return Eip2537Vectors.fail("fail-msm_G1_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537MulFailVectorsFail() {
    return Eip2537Vectors.fail("fail-mul_G1_bls.json", precompile);
  }

  @Test
  void gasFollowsTheDiscountTableAndItsCap() {
    assertEquals(0, precompile.gasRequirement(new byte[0]));
    assertEquals(0, precompile.gasRequirement(new byte[159]));
    assertEquals(12_000, precompile.gasRequirement(new byte[160]));
    assertEquals(12_000, precompile.gasRequirement(new byte[319]));
    assertEquals(2 * 12_000 * 949 / 1000, precompile.gasRequirement(new byte[2 * 160]));
    assertEquals(64 * 12_000 * 576 / 1000, precompile.gasRequirement(new byte[64 * 160]));
    assertEquals(128L * 12_000 * 519 / 1000, precompile.gasRequirement(new byte[128 * 160]));
    assertEquals(129L * 12_000 * 519 / 1000, precompile.gasRequirement(new byte[129 * 160]));
  }

  @Test
  void scalarsAtOrAboveTheGroupOrderAreAcceptedUnreduced() {
    BigInteger scalar = BigInteger.valueOf(5);
    byte[] reduced = precompile.compute(pair(TestPoints.g1Generator(), scalar));
    byte[] unreduced = precompile.compute(pair(TestPoints.g1Generator(), scalar.add(TestPoints.Q)));
    byte[] maximal =
        precompile.compute(
            pair(TestPoints.g1Generator(), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
    byte[] maximalReduced =
        precompile.compute(
            pair(
                TestPoints.g1Generator(),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(TestPoints.Q)));
    assertEquals(TestPoints.hex(reduced), TestPoints.hex(unreduced));
    assertEquals(TestPoints.hex(maximalReduced), TestPoints.hex(maximal));
    assertEquals(
        TestPoints.hex(new byte[128]),
        TestPoints.hex(precompile.compute(pair(TestPoints.g1Generator(), TestPoints.Q))));
  }

  @Test
  void sumsTheMultiples() {
    byte[] threeG = precompile.compute(pair(TestPoints.g1Generator(), BigInteger.valueOf(3)));
    byte[] input =
        TestPoints.concat(
            pair(TestPoints.g1Generator(), BigInteger.ONE),
            pair(new byte[128], BigInteger.TEN),
            pair(TestPoints.g1Generator(), BigInteger.ZERO),
            pair(TestPoints.g1Generator(), BigInteger.TWO));
    assertEquals(TestPoints.hex(threeG), TestPoints.hex(precompile.compute(input)));
  }

  @Test
  void rejectsPointsOutsideTheSubgroupEvenWithZeroScalar() {
    assertNull(precompile.compute(pair(TestPoints.g1OutsideSubgroup(), BigInteger.ZERO)));
    assertNull(
        precompile.compute(
            TestPoints.concat(
                pair(TestPoints.g1Generator(), BigInteger.ONE),
                pair(TestPoints.g1OutsideSubgroup(), BigInteger.ONE))));
  }

  @Test
  void rejectsMalformedInput() {
    byte[] valid = pair(TestPoints.g1Generator(), BigInteger.ONE);
    assertEquals(
        TestPoints.hex(TestPoints.g1Generator()), TestPoints.hex(precompile.compute(valid)));
    assertNull(precompile.compute(new byte[0]));
    assertNull(precompile.compute(Arrays.copyOf(valid, 159)));
    assertNull(precompile.compute(Arrays.copyOf(valid, 161)));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(valid, 0)));
    assertNull(precompile.compute(TestPoints.withModulusAt(valid, 64)));
    assertNull(precompile.compute(TestPoints.offCurve(valid, 127)));
  }

  private static byte[] pair(byte[] point, BigInteger scalar) {
    return TestPoints.concat(point, TestPoints.scalar(scalar));
  }
}
