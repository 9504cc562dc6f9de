package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12MapFpToG1PrecompileTest {

  private final Bls12MapFpToG1Precompile precompile = new Bls12MapFpToG1Precompile();

  @TestFactory
  Stream<DynamicTest> eip2537VectorsGiveExpectedPointAndGas() {
    return Eip2537Vectors.succeed("map_fp_to_G1_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537FailVectorsFail() {
    return Eip2537Vectors.fail("fail-map_fp_to_G1_bls.json", precompile);
  }

  @Test
  void costs5500Gas() {
    assertEquals(5_500, precompile.gasRequirement(new byte[64]));
  }

  @Test
  void mapsEdgeElementsIntoTheSubgroup() {
    for (BigInteger u :
        new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, Fp.P.subtract(BigInteger.ONE)}) {
      byte[] point = precompile.compute(TestPoints.fp(u));
      assertTrue(Bls12Encoding.decodeG1(point, 0).in_group(), "u = " + u);
    }
  }

  @Test
  void rejectsMalformedInput() {
    assertNull(precompile.compute(new byte[0]));
    assertNull(precompile.compute(new byte[63]));
    assertNull(precompile.compute(new byte[65]));
    assertNull(precompile.compute(TestPoints.fp(Fp.P)));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(new byte[64], 15)));
  }
}
