package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12G2MsmPrecompileTest {

  private final Bls12G2MsmPrecompile precompile = new Bls12G2MsmPrecompile();

  @TestFactory
  Stream<DynamicTest> eip2537MulVectorsGiveExpectedResultAndGas() {
    return Eip2537Vectors.succeed("mul_G2_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537MsmFailVectorsFail() {
    return Eip2537Vectors.fail("fail-msm_G2_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537MulFailVectorsFail() {
    return Eip2537Vectors.fail("fail-mul_G2_bls.json", precompile);
  }

  @Test
  void gasFollowsTheDiscountTableAndItsCap() {
    assertEquals(0, precompile.gasRequirement(new byte[287]));
    assertEquals(22_500, precompile.gasRequirement(new byte[288]));
    assertEquals(2 * 22_500, precompile.gasRequirement(new byte[2 * 288]));
    assertEquals(3 * 22_500 * 923 / 1000, precompile.gasRequirement(new byte[3 * 288 + 5]));
    assertEquals(128L * 22_500 * 524 / 1000, precompile.gasRequirement(new byte[128 * 288]));
    assertEquals(200L * 22_500 * 524 / 1000, precompile.gasRequirement(new byte[200 * 288]));
  }

  @Test
  void sumsMultiplesOfUnreducedScalars() {
    byte[] g = TestPoints.g2Generator();
    byte[] sevenG = precompile.compute(pair(g, BigInteger.valueOf(7)));
    byte[] input =
        TestPoints.concat(
            pair(g, BigInteger.valueOf(3).add(TestPoints.Q)),
            pair(new byte[256], BigInteger.ONE),
            pair(g, BigInteger.valueOf(4)));
    assertEquals(TestPoints.hex(sevenG), TestPoints.hex(precompile.compute(input)));
    assertEquals(
        TestPoints.hex(new byte[256]), TestPoints.hex(precompile.compute(pair(g, TestPoints.Q))));
  }

  @Test
  void rejectsPointsOutsideTheSubgroupEvenWithZeroScalar() {
    assertNull(precompile.compute(pair(TestPoints.g2OutsideSubgroup(), BigInteger.ZERO)));
  }

  @Test
  void rejectsMalformedInput() {
    byte[] valid = pair(TestPoints.g2Generator(), BigInteger.ONE);
    assertEquals(
        TestPoints.hex(TestPoints.g2Generator()), TestPoints.hex(precompile.compute(valid)));
    assertNull(precompile.compute(new byte[0]));
    assertNull(precompile.compute(Arrays.copyOf(valid, 287)));
    assertNull(precompile.compute(Arrays.copyOf(valid, 289)));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(valid, 192)));
    assertNull(precompile.compute(TestPoints.withModulusAt(valid, 64)));
    assertNull(precompile.compute(TestPoints.offCurve(valid, 255)));
  }

  private static byte[] pair(byte[] point, BigInteger scalar) {
    return TestPoints.concat(point, TestPoints.scalar(scalar));
  }
}
