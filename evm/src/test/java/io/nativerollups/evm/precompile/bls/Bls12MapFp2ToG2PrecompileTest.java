package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import supranational.blst.P2;

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
      {BigInteger.ZERO, BigInteger.ZERO},
      {BigInteger.ZERO, BigInteger.ONE},
      {max, BigInteger.ZERO},
      {max, max}
    };
    for (BigInteger[] u : elements) {
      byte[] point =
          precompile.compute(TestPoints.concat(TestPoints.fp(u[0]), TestPoints.fp(u[1])));
      assertTrue(Bls12Encoding.decodeG2(point, 0).in_group(), "u = " + u[0] + " + " + u[1] + " i");
    }
  }

  @Test
  void fastCofactorClearingEqualsMultiplicationByHEff() {
    BigInteger hEff =
        new BigInteger(
            "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551",
            16);
    int checked = 0;
    for (long x = 1; checked < 3; x++) {
      Fp2 xx = Fp2.of(x, 3 * x);
      Fp2 y = xx.square().multiply(xx).add(Fp2.of(4, 4)).sqrt();
      if (y != null) {
        AffinePoint<Fp2> point = new AffinePoint<>(xx, y);
        P2 slow = Bls12Encoding.g2Point(point).mult(hEff);
        P2 fast = Bls12MapFp2ToG2Precompile.clearCofactor(point);
        assertFalse(fast.is_inf());
        assertTrue(fast.is_equal(slow), "x = " + xx);
        checked++;
      }
    }
    assertTrue(Bls12MapFp2ToG2Precompile.clearCofactor(null).is_inf());
  }

  @Test
  void rejectsMalformedInput() {
    assertNull(precompile.compute(new byte[64]));
    assertNull(precompile.compute(new byte[127]));
    assertNull(precompile.compute(new byte[129]));
    assertNull(
        precompile.compute(TestPoints.concat(TestPoints.fp(BigInteger.ONE), TestPoints.fp(Fp.P))));
    assertNull(
        precompile.compute(TestPoints.concat(TestPoints.fp(Fp.P), TestPoints.fp(BigInteger.ONE))));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(new byte[128], 64)));
  }
}
