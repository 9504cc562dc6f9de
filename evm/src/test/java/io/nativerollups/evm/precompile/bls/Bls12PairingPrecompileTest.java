package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Bls12PairingPrecompileTest {

  private static final String TRUE = TestPoints.hex(TestPoints.scalar(BigInteger.ONE));
  private static final String FALSE = TestPoints.hex(new byte[32]);

  private final Bls12PairingPrecompile precompile = new Bls12PairingPrecompile();
  private final Bls12G1MsmPrecompile g1Mul = new Bls12G1MsmPrecompile();
  private final Bls12G2MsmPrecompile g2Mul = new Bls12G2MsmPrecompile();

  @TestFactory
  Stream<DynamicTest> eip2537VectorsGiveExpectedResultAndGas() {
    return Eip2537Vectors.succeed("pairing_check_bls.json", precompile);
  }

  @TestFactory
  Stream<DynamicTest> eip2537FailVectorsFail() {
    return Eip2537Vectors.fail("fail-pairing_check_bls.json", precompile);
  }

  @Test
  void gasIs32600PerWholePairPlus37700() {
    assertEquals(37_700, precompile.gasRequirement(new byte[0]));
    assertEquals(37_700, precompile.gasRequirement(new byte[383]));
    assertEquals(70_300, precompile.gasRequirement(new byte[384]));
    assertEquals(37_700 + 2 * 32_600, precompile.gasRequirement(new byte[2 * 384 + 100]));
  }

  @Test
  void checksBilinearity() {
    byte[] g1 = TestPoints.g1Generator();
    byte[] g2 = TestPoints.g2Generator();
    byte[] sixG1 = g1Times(6);
    byte[] minusG1 = g1Times(-1);
    byte[] twoG2 = g2Times(2);
    byte[] threeG2 = g2Times(3);
    // e(6 G1, G2) * e(-G1, 2 G2)^3 = e(G1, G2)^(6 - 6) = 1, written e(6 G1, G2) e(-G1, 6 G2).
    byte[] sixG2 = g2Times(6);
    assertEquals(
        TRUE, TestPoints.hex(precompile.compute(TestPoints.concat(sixG1, g2, minusG1, sixG2))));
    assertEquals(
        FALSE,
        TestPoints.hex(precompile.compute(TestPoints.concat(sixG1, twoG2, minusG1, threeG2))));
    assertEquals(FALSE, TestPoints.hex(precompile.compute(TestPoints.concat(g1, g2))));
  }

  @Test
  void checksProductsOfMorePairsThanBlstBatchesAtOnce() {
    byte[] g2 = TestPoints.g2Generator();
    byte[] input = new byte[0];
    long total = 0;
    for (int i = 1; i <= 11; i++) {
      input = TestPoints.concat(input, g1Times(i), g2);
      total += i;
    }
    byte[] balanced = TestPoints.concat(input, g1Times(-total), g2);
    byte[] unbalanced = TestPoints.concat(input, g1Times(-total + 1), g2);
    assertEquals(TRUE, TestPoints.hex(precompile.compute(balanced)));
    assertEquals(FALSE, TestPoints.hex(precompile.compute(unbalanced)));
  }

  @Test
  void pairsWithInfinityCountAsOne() {
    byte[] g1 = TestPoints.g1Generator();
    byte[] g2 = TestPoints.g2Generator();
    assertEquals(TRUE, TestPoints.hex(precompile.compute(TestPoints.concat(new byte[128], g2))));
    assertEquals(TRUE, TestPoints.hex(precompile.compute(TestPoints.concat(g1, new byte[256]))));
    assertEquals(
        FALSE, TestPoints.hex(precompile.compute(TestPoints.concat(g1, new byte[256], g1, g2))));
  }

  @Test
  void rejectsPointsOutsideTheSubgroups() {
    assertNull(
        precompile.compute(
            TestPoints.concat(TestPoints.g1OutsideSubgroup(), TestPoints.g2Generator())));
    assertNull(
        precompile.compute(
            TestPoints.concat(TestPoints.g1Generator(), TestPoints.g2OutsideSubgroup())));
    assertNull(
        precompile.compute(TestPoints.concat(new byte[128], TestPoints.g2OutsideSubgroup())));
  }

  @Test
  void rejectsMalformedInput() {
    byte[] valid = TestPoints.concat(TestPoints.g1Generator(), TestPoints.g2Generator());
    assertNull(precompile.compute(new byte[0]));
    assertNull(precompile.compute(Arrays.copyOf(valid, 383)));
    assertNull(precompile.compute(Arrays.copyOf(valid, 385)));
    assertNull(precompile.compute(TestPoints.withNonZeroPadding(valid, 128)));
    assertNull(precompile.compute(TestPoints.withModulusAt(valid, 320)));
    assertNull(precompile.compute(TestPoints.offCurve(valid, 127)));
    assertNull(precompile.compute(TestPoints.offCurve(valid, 383)));
  }

  private byte[] g1Times(long k) {
    BigInteger scalar = BigInteger.valueOf(k).mod(TestPoints.Q);
    return g1Mul.compute(TestPoints.concat(TestPoints.g1Generator(), TestPoints.scalar(scalar)));
  }

  private byte[] g2Times(long k) {
    BigInteger scalar = BigInteger.valueOf(k).mod(TestPoints.Q);
    return g2Mul.compute(TestPoints.concat(TestPoints.g2Generator(), TestPoints.scalar(scalar)));
  }
}
