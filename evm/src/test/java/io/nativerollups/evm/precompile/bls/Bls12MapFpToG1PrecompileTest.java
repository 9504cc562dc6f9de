package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import supranational.blst.P1;

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
  void cofactorClearingEqualsMultiplicationByHEff() {
    BigInteger hEff = new BigInteger("d201000000010001", 16);
    int checked = 0;
    for (long x = 1; checked < 3; x++) {
      Fp xx = Fp.of(x);
      Fp y = xx.square().multiply(xx).add(Fp.of(4)).sqrt();
      if (y != null) {
        P1 point = Bls12Encoding.g1Point(new AffinePoint<>(xx, y));
        P1 cleared = Bls12MapFpToG1Precompile.clearCofactor(point);
        assertTrue(cleared.in_group());
        assertTrue(cleared.is_equal(point.dup().mult(hEff)), "x = " + x);
        checked++;
      }
    }
    P1 orderThree = new P1(Bls12Encoding.decodeG1(TestPoints.g1OutsideSubgroup(), 0));
    assertTrue(
        Bls12MapFpToG1Precompile.clearCofactor(orderThree).is_equal(orderThree.dup().mult(hEff)));
    assertTrue(Bls12MapFpToG1Precompile.clearCofactor(new P1()).is_inf());
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
