package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12MapFp2ToG2PrecompileTest {

  private final Bls12MapFp2ToG2Precompile precompile = new Bls12MapFp2ToG2Precompile();

  @TestFactory
  Stream<DynamicTest> eip2537VectorsGiveExpectedPointAndGas() {
    return Eip2537Vectors.succeed("map_fp2_to_G2_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537FailVectorsFail() {
    return Eip2537Vectors.fail("fail-map_fp2_to_G2_bls.json", precompile);
  }

  @Test
  void costs23800Gas() {
    assertEquals(23_800, precompile.gasRequirement(new byte[128]));
  }

  @Test
  void mapsEdgeElementsIntoTheSubgroup() {
    BigInteger max = Fp.P.subtract(BigInteger.ONE);
    BigInteger[][] elements = {
      {BigInteger.ZERO, BigInteger.ZERO}, {BigInteger.ZERO, BigInteger.ONE}, {max, BigInteger.ZERO}, {max, max}
    };
    for (BigInteger[] u : elements) {
      byte[] point = precompile.compute(TestPoints.concat(TestPoints.fp(u[0]), TestPoints.fp(u[1])));
      assertTrue(Bls12Encoding.decodeG2(point, 0).in_group(), "u = " + u[0] + " + " + u[1] + " i");
    }
  }

  @Test
  void rejectsMalformedInput() {
    assertNull(precompile.compute(new byte[64]));
    assertNull(precompile.compute(new byte[127]));
    assertNull(precompile.compute(new byte[129]));
    assertNull(precompile.compute(TestPoints.concat(TestPoints.fp(BigInteger.ONE), TestPoints.fp(Fp.P))));
    assertNull(precompile.compute(TestPoints.concat(TestPoints.fp(Fp.P), TestPoints.fp(BigInteger.ONE))));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(new byte[128], 64)));
  }
}
