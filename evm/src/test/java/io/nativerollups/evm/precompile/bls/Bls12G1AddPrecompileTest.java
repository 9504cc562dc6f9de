package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12G1AddPrecompileTest {

  private final Bls12G1AddPrecompile precompile = new Bls12G1AddPrecompile();

  @TestFactory
  Stream<DynamicTest> eip2537VectorsGiveExpectedSumAndGas() {
    return Eip2537Vectors.succeed("add_G1_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537FailVectorsFail() {
    return Eip2537Vectors.fail("fail-add_G1_bls.json", precompile);
  }

  @Test
  void costs375GasWhateverTheInput() {
    assertEquals(375, precompile.gasRequirement(new byte[0]));
    assertEquals(375, precompile.gasRequirement(new byte[256]));
  }

  @Test
  void addsPointsOutsideTheSubgroupWithoutComplaint() {
    byte[] point = TestPoints.g1OutsideSubgroup();
    byte[] input = TestPoints.concat(point, new byte[128]);
    assertEquals(TestPoints.hex(point), TestPoints.hex(precompile.compute(input)));
  }

  @Test
  void acceptsTheOrderThreePointsThatBlstWillNotDeserialize() {
    byte[] plusTwo =
        TestPoints.concat(TestPoints.fp(BigInteger.ZERO), TestPoints.fp(BigInteger.TWO));
    byte[] minusTwo =
        TestPoints.concat(
            TestPoints.fp(BigInteger.ZERO), TestPoints.fp(Fp.P.subtract(BigInteger.TWO)));
    assertEquals(
        TestPoints.hex(minusTwo),
        TestPoints.hex(precompile.compute(TestPoints.concat(plusTwo, plusTwo))));
    assertEquals(
        TestPoints.hex(new byte[128]),
        TestPoints.hex(precompile.compute(TestPoints.concat(plusTwo, minusTwo))));
    assertNull(
        precompile.compute(
            TestPoints.concat(
                TestPoints.fp(BigInteger.ZERO), TestPoints.fp(BigInteger.valueOf(3)), plusTwo)));
  }

  @Test
  void rejectsMalformedCoordinates() {
    byte[] valid = TestPoints.concat(TestPoints.g1Generator(), TestPoints.g1Generator());
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(valid, 128)));
    assertNull(precompile.compute(TestPoints.withModulusAt(valid, 64)));
    assertNull(precompile.compute(TestPoints.offCurve(valid, 127)));
    assertNull(precompile.compute(java.util.Arrays.copyOf(valid, 255)));
    assertNull(precompile.compute(java.util.Arrays.copyOf(valid, 257)));
  }
}
