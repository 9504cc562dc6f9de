package io.nativerollups.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldTowerTest {

  private static final BigInteger P = Fp.MODULUS;
  private final Random random = new Random(196);

  private BigInteger randomBelowP() {
    return new BigInteger(256, random).mod(P);
  }

  private Fp2 randomFp2() {
    return new Fp2(Fp.valueOf(randomBelowP()), Fp.valueOf(randomBelowP()));
  }

  private Fp6 randomFp6() {
    return new Fp6(randomFp2(), randomFp2(), randomFp2());
  }

  private Fp12 randomFp12() {
    return new Fp12(randomFp6(), randomFp6());
  }

  @Test
  void fpArithmeticMatchesBigIntegerModP() {
    BigInteger[] edges = {
      BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.shiftRight(1)
    };
    for (int i = 0; i < 500; i++) {
      BigInteger a = i < edges.length ? edges[i] : randomBelowP();
      BigInteger b = i < edges.length ? edges[edges.length - 1 - i] : randomBelowP();
      Fp x = Fp.valueOf(a);
      Fp y = Fp.valueOf(b);
      assertEquals(a.add(b).mod(P), x.add(y).toBigInteger());
      assertEquals(a.subtract(b).mod(P), x.subtract(y).toBigInteger());
      assertEquals(a.multiply(b).mod(P), x.multiply(y).toBigInteger());
      assertEquals(a.multiply(a).mod(P), x.square().toBigInteger());
      assertEquals(a.negate().mod(P), x.negate().toBigInteger());
      if (a.signum() != 0) {
        assertEquals(a.modInverse(P), x.inverse().toBigInteger());
      }
    }
  }

  @Test
  void fpBytesRoundTripAndValuesFromPUpAreRejected() {
    byte[] buffer = new byte[32];
    for (int i = 0; i < 50; i++) {
      BigInteger a = randomBelowP();
      Fp.valueOf(a).toBytes(buffer, 0);
      assertEquals(a, new BigInteger(1, buffer));
      assertEquals(Fp.valueOf(a), Fp.fromBytes(buffer, 0));
    }
    assertEquals(
        P.subtract(BigInteger.ONE),
        Fp.fromBytes(word(P.subtract(BigInteger.ONE)), 0).toBigInteger());
    assertNull(Fp.fromBytes(word(P), 0));
    assertNull(Fp.fromBytes(word(P.add(BigInteger.ONE)), 0));
    assertNull(Fp.fromBytes(word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), 0));
  }

  @Test
  void fp2MultiplicationFollowsISquaredMinusOne() {
    Fp2 i = new Fp2(Fp.ZERO, Fp.ONE);
    assertEquals(Fp2.ONE.negate(), i.square());
    for (int k = 0; k < 50; k++) {
      Fp2 a = randomFp2();
      Fp2 b = randomFp2();
      Fp2 schoolbook =
          new Fp2(
              a.c0.multiply(b.c0).subtract(a.c1.multiply(b.c1)),
              a.c0.multiply(b.c1).add(a.c1.multiply(b.c0)));
      assertEquals(schoolbook, a.multiply(b));
      assertEquals(a.multiply(a), a.square());
      assertEquals(Fp2.ONE, a.multiply(a.inverse()));
      assertEquals(a.multiply(Fp2.XI), a.multiplyByXi());
      assertEquals(a.pow(P), a.conjugate());
    }
  }

  @Test
  void fp6ProductsAgreeWithEachOther() {
    Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
    assertEquals(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO), v.multiply(v).multiply(v));
    for (int k = 0; k < 30; k++) {
      Fp6 a = randomFp6();
      Fp6 b = randomFp6();
      assertEquals(a.multiply(b), b.multiply(a));
      assertEquals(a.multiply(a), a.square());
      assertEquals(a.multiply(v), a.multiplyByV());
      assertEquals(Fp6.ONE, a.multiply(a.inverse()));
      assertEquals(a.multiply(new Fp6(b.c0, b.c1, Fp2.ZERO)), a.multiplyBy01(b.c0, b.c1));
      assertEquals(a.multiply(new Fp6(b.c0, Fp2.ZERO, Fp2.ZERO)), a.multiply(b.c0));
      Fp6 c = randomFp6();
      assertEquals(a.multiply(b.add(c)), a.multiply(b).add(a.multiply(c)));
    }
  }

  @Test
  void fp12ProductsAgreeWithEachOther() {
    Fp12 w = new Fp12(Fp6.ZERO, Fp6.ONE);
    assertEquals(new Fp12(new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO), Fp6.ZERO), w.multiply(w));
    for (int k = 0; k < 20; k++) {
      Fp12 a = randomFp12();
      Fp12 b = randomFp12();
      assertEquals(a.multiply(b), b.multiply(a));
      assertEquals(a.multiply(a), a.square());
      assertEquals(Fp12.ONE, a.multiply(a.inverse()));
      Fp2 l0 = randomFp2();
      Fp2 l1 = randomFp2();
      Fp2 l3 = randomFp2();
      Fp12 line = new Fp12(new Fp6(l0, Fp2.ZERO, Fp2.ZERO), new Fp6(l1, l3, Fp2.ZERO));
      assertEquals(a.multiply(line), a.multiplyByLine(l0, l1, l3));
    }
  }

  @Test
  void fp12FrobeniusIsThePowerP() {
    Fp12 a = randomFp12();
    assertEquals(Fp12Powers.pow(a, P), a.frobenius(1));
    assertEquals(Fp12Powers.pow(a, P.pow(2)), a.frobenius(2));
    assertEquals(Fp12Powers.pow(a, P.pow(3)), a.frobenius(3));
    assertEquals(a.frobenius(1).frobenius(2), a.frobenius(3));
    assertEquals(Fp12Powers.pow(a, P.pow(6)), a.conjugate());
    assertNotEquals(a, a.frobenius(1));
  }

  @Test
  void cyclotomicSquaringAndPowerAgreeWithGenericOnesInTheCyclotomicSubgroup() {
    Fp12 f = randomFp12();
    Fp12 unitary = f.conjugate().multiply(f.inverse());
    Fp12 cyclotomic = unitary.frobenius(2).multiply(unitary);
    assertEquals(cyclotomic.square(), cyclotomic.cyclotomicSquare());
    assertEquals(cyclotomic.square().square(), cyclotomic.cyclotomicSquare().cyclotomicSquare());
    // 45 = 64 - 16 - 4 + 1: digits, least significant first, with two -1
    int[] digits = {1, 0, -1, 0, -1, 0, 1};
    assertEquals(
        Fp12Powers.pow(cyclotomic, BigInteger.valueOf(45)), cyclotomic.cyclotomicPow(digits));
  }

  private static byte[] word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }
}
