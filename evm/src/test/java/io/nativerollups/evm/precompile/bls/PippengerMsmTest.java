package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supranational.blst.P1;
import supranational.blst.P2;

/** Both MSM precompiles against a plain sum of blst multiplications, across window sizes. */
class PippengerMsmTest {

  /** Scalars that stress digit recoding: zero, q - 1, q, q + 1, 2^256 - 1, lone high bits. */
  private static final BigInteger[] EDGE_SCALARS = {
    BigInteger.ZERO,
    TestPoints.Q.subtract(BigInteger.ONE),
    TestPoints.Q,
    TestPoints.Q.add(BigInteger.ONE),
    BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
    BigInteger.ONE.shiftLeft(255),
    BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
    BigInteger.ONE,
  };

  @ParameterizedTest
  @ValueSource(ints = {2, 15, 16, 31, 32, 63, 64, 191, 192})
  void g1MsmEqualsTheSumOfProducts(int pointCount) {
    Random random = new Random(pointCount);
    byte[] input = new byte[0];
    P1 expected = new P1();
    for (int i = 0; i < pointCount; i++) {
      P1 point = P1.generator().mult(new BigInteger(250, random));
      BigInteger scalar = scalar(random, i);
      input = TestPoints.concat(input, Bls12Encoding.encodeG1(point), TestPoints.scalar(scalar));
      expected.add(point.dup().mult(scalar));
    }
    assertEquals(
        TestPoints.hex(Bls12Encoding.encodeG1(expected)),
        TestPoints.hex(new Bls12G1MsmPrecompile().compute(input)));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 15, 16, 40, 64})
  void g2MsmEqualsTheSumOfProducts(int pointCount) {
    Random random = new Random(pointCount);
    byte[] input = new byte[0];
    P2 expected = new P2();
    for (int i = 0; i < pointCount; i++) {
      P2 point = P2.generator().mult(new BigInteger(250, random));
      BigInteger scalar = scalar(random, i);
      input = TestPoints.concat(input, Bls12Encoding.encodeG2(point), TestPoints.scalar(scalar));
      expected.add(point.dup().mult(scalar));
    }
    assertEquals(
        TestPoints.hex(Bls12Encoding.encodeG2(expected)),
        TestPoints.hex(new Bls12G2MsmPrecompile().compute(input)));
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64})
  void pointsCancellingOutGiveInfinity(int pointCount) {
    byte[] input = new byte[0];
    byte[] generator = TestPoints.g1Generator();
    for (int i = 0; i < pointCount / 2; i++) {
      BigInteger scalar = BigInteger.valueOf(1000 + i);
      input = TestPoints.concat(input, generator, TestPoints.scalar(scalar));
      input = TestPoints.concat(input, generator, TestPoints.scalar(TestPoints.Q.subtract(scalar)));
    }
    assertEquals(
        TestPoints.hex(new byte[128]), TestPoints.hex(new Bls12G1MsmPrecompile().compute(input)));
  }

  private static BigInteger scalar(Random random, int index) {
    return index < EDGE_SCALARS.length ? EDGE_SCALARS[index] : new BigInteger(256, random);
  }
}
