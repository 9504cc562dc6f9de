package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import supranational.blst.P2_Affine;

class Bls12G2AddPrecompileTest {

  private final Bls12G2AddPrecompile precompile = new Bls12G2AddPrecompile();

  @TestFactory
  Stream<DynamicTest> eip2537VectorsGiveExpectedSumAndGas() {
    return Eip2537Vectors.succeed("add_G2_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537FailVectorsFail() {
    return Eip2537Vectors.fail("fail-add_G2_bls.json", precompile);
  }

  @Test
  void costs600GasWhateverTheInput() {
    assertEquals(600, precompile.gasRequirement(new byte[0]));
    assertEquals(600, precompile.gasRequirement(new byte[512]));
  }

  @Test
  void addsPointsOutsideTheSubgroupWithoutComplaint() {
    byte[] point = TestPoints.g2OutsideSubgroup();
    assertFalse(Bls12Encoding.decodeG2(point, 0).in_group());
    byte[] input = TestPoints.concat(new byte[256], point);
    assertEquals(TestPoints.hex(point), TestPoints.hex(precompile.compute(input)));
  }

  @Test
  void encodesCoefficientsC0First() {
    byte[] generator = TestPoints.g2Generator();
    P2_Affine decoded = Bls12Encoding.decodeG2(generator, 0);
    assertEquals(true, decoded.is_equal(P2_Affine.generator()));
  }

  @Test
  void rejectsMalformedCoordinates() {
    byte[] valid = TestPoints.concat(TestPoints.g2Generator(), TestPoints.g2Generator());
    for (int element = 0; element < 8; element++) {
      assertNull(precompile.compute(TestPoints.withNonZeroPadding(valid, element * 64)));
      assertNull(precompile.compute(TestPoints.withModulusAt(valid, element * 64)));
    }
    assertNull(precompile.compute(TestPoints.offCurve(valid, 511)));
    assertNull(precompile.compute(Arrays.copyOf(valid, 511)));
    assertNull(precompile.compute(Arrays.copyOf(valid, 513)));
  }
}
