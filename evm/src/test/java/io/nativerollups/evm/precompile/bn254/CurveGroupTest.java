package io.nativerollups.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurveGroupTest {

  private static final BigInteger R = G1.ORDER;

  /** A point on the twist (x = 2 + i) outside G2, computed with an independent implementation. */
  static final String TWIST_POINT_NOT_IN_G2 =
      "0000000000000000000000000000000000000000000000000000000000000001"
          + "0000000000000000000000000000000000000000000000000000000000000002"
          + "2b76c179599bb92a963dac85546a005a777f7c13f6a7b75d5918b6b5808f5fde"
          + "101f7278419308b95099eca02dcee0c5381f4d26d1d62313f057167f064101ce";

  private final Random random = new Random(197);

  private BigInteger randomScalar() {
    return new BigInteger(256, random).mod(R);
  }

  @Test
  void generatorsAreOnTheirCurvesAndHaveOrderR() {
    assertNotNull(G1.GENERATOR);
    assertNotNull(G2.GENERATOR);
    assertTrue(G1.GENERATOR.multiply(R).isInfinity());
    assertTrue(G2.GENERATOR.multiply(R).isInfinity());
    assertFalse(G1.GENERATOR.multiply(R.subtract(BigInteger.ONE)).isInfinity());
    assertEquals(G2.GENERATOR.negate(), G2.GENERATOR.multiply(R.subtract(BigInteger.ONE)));
    assertTrue(G2.isInSubgroup(G2.GENERATOR));
  }

  @Test
  void scalarMultiplicationIsALinearMap() {
    for (int i = 0; i < 10; i++) {
      BigInteger a = randomScalar();
      BigInteger b = randomScalar();
      JacobianPoint<Fp> aG = G1.GENERATOR.multiply(a);
      assertTrue(aG.isOnCurve());
      assertEquals(G1.GENERATOR.multiply(a.add(b)), aG.add(G1.GENERATOR.multiply(b)));
      assertEquals(G1.GENERATOR.multiply(a.multiply(b)), aG.multiply(b));
      JacobianPoint<Fp2> aQ = G2.GENERATOR.multiply(a);
      assertTrue(aQ.isOnCurve());
      assertEquals(G2.GENERATOR.multiply(a.add(b)), aQ.add(G2.GENERATOR.multiply(b)));
    }
  }

  @Test
  void additionHandlesDoublingInverseAndInfinity() {
    JacobianPoint<Fp> p = G1.GENERATOR.multiply(randomScalar());
    JacobianPoint<Fp> infinity = G1.CURVE.infinity();
    assertEquals(p.doubled(), p.add(p));
    assertEquals(p.doubled(), p.add(p.normalized()));
    assertTrue(p.add(p.negate()).isInfinity());
    assertEquals(p, p.add(infinity));
    assertEquals(p, infinity.add(p));
    assertTrue(infinity.doubled().isInfinity());
    assertTrue(p.multiply(BigInteger.ZERO).isInfinity());
    assertEquals(p, p.multiply(BigInteger.ONE));
    assertEquals(p.multiply(BigInteger.valueOf(5)), p.multiply(R.add(BigInteger.valueOf(5))));
    assertNotEquals(p, p.negate());
  }

  @Test
  void g1EncodingRoundTripsAndRejectsBadPoints() {
    JacobianPoint<Fp> p = G1.GENERATOR.multiply(randomScalar());
    byte[] encoded = G1.encode(p);
    assertEquals(p, G1.decode(encoded, 0));
    assertTrue(G1.decode(new byte[64], 0).isInfinity());
    assertEquals(64, G1.encode(G1.CURVE.infinity()).length);

    byte[] offCurve = encoded.clone();
    offCurve[63] ^= 1;
    assertNull(G1.decode(offCurve, 0));

    // x + p is the same number mod p, but the encoding must be rejected
    byte[] xPlusP = encoded.clone();
    BigInteger x = new BigInteger(1, Arrays.copyOf(encoded, 32));
    System.arraycopy(toWord(x.add(Fp.MODULUS)), 0, xPlusP, 0, 32);
    assertNull(G1.decode(xPlusP, 0));
  }

  @Test
  void g2DecodingChecksCurveAndSubgroup() {
    byte[] notInG2 = HexFormat.of().parseHex(TWIST_POINT_NOT_IN_G2);
    Fp2 x = Fp2.fromBytes(notInG2, 0);
    Fp2 y = Fp2.fromBytes(notInG2, 64);
    JacobianPoint<Fp2> onTwist = G2.CURVE.pointAt(x, y);
    assertNotNull(onTwist, "the vector is on the twist");
    assertFalse(G2.isInSubgroup(onTwist));
    assertNull(G2.decode(notInG2, 0));
    // its multiple by the cofactor 2p - r is in G2
    BigInteger cofactor = Fp.MODULUS.shiftLeft(1).subtract(R);
    assertTrue(G2.isInSubgroup(onTwist.multiply(cofactor)));

    assertTrue(G2.decode(new byte[128], 0).isInfinity());
    byte[] offTwist = notInG2.clone();
    offTwist[127] ^= 1;
    assertNull(G2.decode(offTwist, 0));
    byte[] coordinateAboveP = new byte[128];
    System.arraycopy(toWord(Fp.MODULUS), 0, coordinateAboveP, 32, 32);
    assertNull(G2.decode(coordinateAboveP, 0));
  }

  @Test
  void frobeniusOnTheTwistActsOnG2AsPAndSatisfiesItsCharacteristicEquation() {
    JacobianPoint<Fp2> q = G2.GENERATOR.multiply(randomScalar()).normalized();
    assertEquals(q.multiply(Fp.MODULUS.mod(R)), G2.frobenius(q));
    JacobianPoint<Fp2> outside = twistPointNotInG2();
    BigInteger trace = Fp.MODULUS.add(BigInteger.ONE).subtract(R);
    JacobianPoint<Fp2> psiOutside = G2.frobenius(outside);
    JacobianPoint<Fp2> psiPsiOutside = G2.frobenius(psiOutside);
    assertTrue(
        psiPsiOutside
            .add(psiOutside.multiply(trace).negate())
            .add(outside.multiply(Fp.MODULUS))
            .isInfinity());
  }

  @Test
  void subgroupTestAgreesWithMultiplicationByR() {
    JacobianPoint<Fp2> outside = twistPointNotInG2();
    JacobianPoint<Fp2> cofactorTorsion = outside.multiply(R);
    JacobianPoint<Fp2> inG2 = G2.GENERATOR.multiply(randomScalar());
    JacobianPoint<Fp2>[] points =
        List.of(
                outside,
                cofactorTorsion,
                inG2,
                inG2.add(cofactorTorsion),
                outside.doubled(),
                G2.CURVE.infinity())
            .toArray(JacobianPoint[]::new);
    for (JacobianPoint<Fp2> point : points) {
      assertEquals(point.multiply(R).isInfinity(), G2.isInSubgroup(point), point.toString());
    }
    assertTrue(G2.isInSubgroup(inG2));
    assertFalse(G2.isInSubgroup(cofactorTorsion));
  }

  private static JacobianPoint<Fp2> twistPointNotInG2() {
    byte[] encoded = HexFormat.of().parseHex(TWIST_POINT_NOT_IN_G2);
    return G2.CURVE.pointAt(Fp2.fromBytes(encoded, 0), Fp2.fromBytes(encoded, 64));
  }

  static byte[] toWord(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }
}
