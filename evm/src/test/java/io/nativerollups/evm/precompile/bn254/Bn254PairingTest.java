package io.nativerollups.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Bn254PairingTest {

  private static final BigInteger P = Fp.MODULUS;
  private static final BigInteger R = G1.ORDER;
  private final Random random = new Random(1108);

  private BigInteger randomScalar() {
    return new BigInteger(256, random).mod(R);
  }

  /**
   * e(P1, P2) of the EIP-197 generators as computed by an independent implementation (the JS
   * library @noble/curves, which builds the same F_p^12 tower): coefficients of w^0..w^5 grouped as
   * c0 = (w^0, w^2, w^4), c1 = (w^1, w^3, w^5), each F_p^2 as (real, imaginary). Its final
   * exponentiation (Fuentes-Castaneda et al.) raises to a multiple m (p^12 - 1) / r, m being
   * 2u(6u^2 + 3u + 1): that too is a bilinear pairing.
   */
  private static final String[] PAIRING_OF_GENERATORS = {
    "262b253feda94cfe0da01bde280a3ed6f87e5feb898578b55e1f63739d870e95",
    "02e02d2cc795a2000a1b1f823879abbd397c4dea0918ed66b49d34b48efb8a4a",
    "13a9f2d6e29b128da5b1ad44b31977935fd2957387ecb1fc4e135402fdbd1de0",
    "040ba9fa500f1a5c4b31984a74e68659c4b420bd699ce630b130b08a6ea1162b",
    "0afc2f3fd870678fbe359d7f9873f052478f590b211ce30bf5e3eeaef89eafdb",
    "1c54a530398c9064bdc662d929e645cadda9a712cc5a8243f9cddbd2d98dd1f0",
    "095c0fbf5d5a1ac023794a0d856f92591ba990ecfd4b7aef5c0d58c5dc2429fe",
    "14d3d6ca72d8a950a31dc10f7b4053c9e9ad9ebb590cb4a60f8215d4b99f2b4a",
    "1dc0e7bbc3d70e6689dc206b4b91c85759dc1a23043c585fdfaf545838ca7429",
    "0b53320e5a6488cb98a855ffc837d2a75ab90d61ac16cc1b7ab2cd3ed5e22b97",
    "13a8afd3085dae4c6c91476ef36cd1d318ce07bac42a9c0f9bd7fddaf5ebd723",
    "00f97b5221474526b601f3730a3afa965ceee1b343940c383e5314859e762c97",
  };

  @Test
  void pairingOfGeneratorsMatchesIndependentImplementation() {
    Fp2[] c = new Fp2[6];
    for (int i = 0; i < 6; i++) {
      c[i] =
          new Fp2(
              Fp.valueOf(new BigInteger(PAIRING_OF_GENERATORS[2 * i], 16)),
              Fp.valueOf(new BigInteger(PAIRING_OF_GENERATORS[2 * i + 1], 16)));
    }
    Fp12 expected = new Fp12(new Fp6(c[0], c[1], c[2]), new Fp6(c[3], c[4], c[5]));
    BigInteger u = Bn254Pairing.U;
    BigInteger m =
        u.shiftLeft(1)
            .multiply(
                u.pow(2)
                    .multiply(BigInteger.valueOf(6))
                    .add(u.multiply(BigInteger.valueOf(3)))
                    .add(BigInteger.ONE));
    assertEquals(expected, Fp12Powers.pow(Bn254Pairing.pair(G1.GENERATOR, G2.GENERATOR), m));
  }

  @Test
  void pairingIsBilinearAndNonDegenerate() {
    Fp12 base = Bn254Pairing.pair(G1.GENERATOR, G2.GENERATOR);
    assertFalse(base.isOne());
    assertTrue(Fp12Powers.pow(base, R).isOne(), "e(P1, P2) has order r");
    BigInteger a = randomScalar();
    BigInteger b = randomScalar();
    Fp12 expected = Fp12Powers.pow(base, a.multiply(b).mod(R));
    assertEquals(expected, Bn254Pairing.pair(G1.GENERATOR.multiply(a), G2.GENERATOR.multiply(b)));
    assertEquals(expected, Bn254Pairing.pair(G1.GENERATOR.multiply(a.multiply(b)), G2.GENERATOR));
    assertEquals(
        expected, Bn254Pairing.pair(G1.GENERATOR, G2.GENERATOR.multiply(a.multiply(b).mod(R))));
  }

  @Test
  void productCheckAcceptsCancellingPairsOnly() {
    BigInteger a = randomScalar();
    BigInteger b = randomScalar();
    JacobianPoint<Fp> aP = G1.GENERATOR.multiply(a);
    JacobianPoint<Fp2> bQ = G2.GENERATOR.multiply(b);
    JacobianPoint<Fp> minusAbP = G1.GENERATOR.multiply(a.multiply(b).mod(R)).negate();
    assertTrue(Bn254Pairing.isProductOne(List.of(aP, minusAbP), List.of(bQ, G2.GENERATOR)));
    assertFalse(
        Bn254Pairing.isProductOne(List.of(aP, minusAbP.doubled()), List.of(bQ, G2.GENERATOR)));
    assertFalse(Bn254Pairing.isProductOne(List.of(aP), List.of(bQ)));
    assertTrue(Bn254Pairing.isProductOne(List.of(), List.of()));
    assertTrue(Bn254Pairing.isProductOne(List.of(G1.CURVE.infinity()), List.of(bQ)));
    assertTrue(Bn254Pairing.isProductOne(List.of(aP), List.of(G2.CURVE.infinity())));
  }

  @Test
  void finalExponentiationIsThePowerPTo12MinusOneOverR() {
    Fp12 f =
        Bn254Pairing.millerLoop(
            List.of(G1.GENERATOR.multiply(randomScalar())), List.of(G2.GENERATOR));
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(R);
    assertEquals(Fp12Powers.pow(f, exponent), Bn254Pairing.finalExponentiation(f));
    assertNotEquals(Fp12.ONE, Bn254Pairing.finalExponentiation(f));
  }

  @Test
  void pAndRAreTheBnPolynomialsInU() {
    BigInteger u = Bn254Pairing.U;
    BigInteger common =
        BigInteger.valueOf(36)
            .multiply(u.pow(4))
            .add(BigInteger.valueOf(36).multiply(u.pow(3)))
            .add(BigInteger.valueOf(6).multiply(u))
            .add(BigInteger.ONE);
    assertEquals(P, common.add(BigInteger.valueOf(24).multiply(u.pow(2))));
    assertEquals(R, common.add(BigInteger.valueOf(18).multiply(u.pow(2))));
    // so p - r = 6u^2, the eigenvalue G2's subgroup test uses
    assertEquals(BigInteger.valueOf(6).multiply(u.pow(2)), P.subtract(R));
  }

  @Test
  void hardPartCoefficientsAreTheBnPolynomialsInU() {
    BigInteger u = Bn254Pairing.U;
    BigInteger u2 = u.pow(2);
    BigInteger u3 = u.pow(3);
    BigInteger l0 =
        u3.multiply(BigInteger.valueOf(-36))
            .subtract(u2.multiply(BigInteger.valueOf(30)))
            .subtract(u.multiply(BigInteger.valueOf(18)))
            .subtract(BigInteger.TWO);
    BigInteger l1 =
        u3.multiply(BigInteger.valueOf(-36))
            .subtract(u2.multiply(BigInteger.valueOf(18)))
            .subtract(u.multiply(BigInteger.valueOf(12)))
            .add(BigInteger.ONE);
    BigInteger l2 = u2.multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    BigInteger hard = l0.add(l1.multiply(P)).add(l2.multiply(P.pow(2))).add(P.pow(3));
    assertEquals(P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).divide(R), hard);
    assertEquals(BigInteger.ZERO, P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).mod(R));
  }
}
