package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1 w} of F_p^12 = F_p^6[w]/(w^2 - v), the target group's field. With
 * {@code w^6 = xi} its six F_p^2 coefficients sit on w^0, w^2, w^4 (c0) and w^1, w^3, w^5 (c1).
 */
final class Fp12 {

  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /**
   * FROBENIUS_GAMMA[n][k] = xi^(k (p^n - 1) / 6): raising to p^n maps a w^k to conj^n(a) w^k times
   * this constant (n = 1, 2, 3; k = 1..5; index 0 is unused).
   */
  static final Fp2[][] FROBENIUS_GAMMA = frobeniusConstants();

  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  /** Karatsuba: three F_p^6 products. */
  Fp12 multiply(Fp12 o) {
    Fp6 t0 = c0.multiply(o.c0);
    Fp6 t1 = c1.multiply(o.c1);
    Fp6 cross = c0.add(c1).multiply(o.c0.add(o.c1)).subtract(t0).subtract(t1);
    return new Fp12(t0.add(t1.multiplyByV()), cross);
  }

  /** Complex squaring: two F_p^6 products. */
  Fp12 square() {
    Fp6 t = c0.multiply(c1);
    Fp6 real = c0.add(c1).multiply(c0.add(c1.multiplyByV())).subtract(t).subtract(t.multiplyByV());
    return new Fp12(real, t.add(t));
  }

  /**
   * Product with a Miller-loop line {@code l0 + l1 w + l3 w^3}, whose other coefficients are zero:
   * thirteen F_p^2 products instead of eighteen.
   */
  Fp12 multiplyByLine(Fp2 l0, Fp2 l1, Fp2 l3) {
    Fp6 t0 = c0.multiply(l0);
    Fp6 t1 = c1.multiplyBy01(l1, l3);
    Fp6 cross = c0.add(c1).multiplyBy01(l0.add(l1), l3).subtract(t0).subtract(t1);
    return new Fp12(t0.add(t1.multiplyByV()), cross);
  }

  /** {@code c0 - c1 w}, which is {@code this^(p^6)}; the inverse for unitary elements. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.negate());
  }

  Fp12 inverse() {
    Fp6 normInverse = c0.square().subtract(c1.square().multiplyByV()).inverse();
    return new Fp12(c0.multiply(normInverse), c1.multiply(normInverse).negate());
  }

  /** {@code this^(p^n)} for n = 1, 2 or 3. */
  Fp12 frobenius(int n) {
    Fp2[] gamma = FROBENIUS_GAMMA[n];
    boolean conjugate = (n & 1) == 1;
    return new Fp12(
        new Fp6(
            conjugateIf(c0.c0, conjugate),
            conjugateIf(c0.c1, conjugate).multiply(gamma[2]),
            conjugateIf(c0.c2, conjugate).multiply(gamma[4])),
        new Fp6(
            conjugateIf(c1.c0, conjugate).multiply(gamma[1]),
            conjugateIf(c1.c1, conjugate).multiply(gamma[3]),
            conjugateIf(c1.c2, conjugate).multiply(gamma[5])));
  }

  /**
   * Squaring for elements of the cyclotomic subgroup (norm 1 down to F_p^6, as after the easy part
   * of the final exponentiation), by Granger and Scott: view F_p^12 as F_p^4[w]/(w^3 - s) with
   * F_p^4 = F_p^2[s]/(s^2 - xi), s = w^3; then for f = A0 + A1 w + A2 w^2
   *
   * <pre>f^2 = (3 A0^2 - 2 conj(A0)) + (3 s A2^2 + 2 conj(A1)) w + (3 A1^2 - 2 conj(A2)) w^2</pre>
   *
   * <p>where conj negates the s part. Nine F_p^2 squarings instead of two F_p^6 products.
   */
  Fp12 cyclotomicSquare() {
    // A0 = c0.c0 + c1.c1 s, A1 = c1.c0 + c0.c2 s, A2 = c0.c1 + c1.c2 s
    Fp2 a0x = c0.c0;
    Fp2 a0y = c1.c1;
    Fp2 a1x = c1.c0;
    Fp2 a1y = c0.c2;
    Fp2 a2x = c0.c1;
    Fp2 a2y = c1.c2;
    // (x + y s)^2 = (x^2 + xi y^2) + ((x + y)^2 - x^2 - y^2) s
    Fp2 x0 = a0x.square();
    Fp2 y0 = a0y.square();
    Fp2 sq0x = y0.multiplyByXi().add(x0);
    Fp2 sq0y = a0x.add(a0y).square().subtract(x0).subtract(y0);
    Fp2 x1 = a1x.square();
    Fp2 y1 = a1y.square();
    Fp2 sq1x = y1.multiplyByXi().add(x1);
    Fp2 sq1y = a1x.add(a1y).square().subtract(x1).subtract(y1);
    Fp2 x2 = a2x.square();
    Fp2 y2 = a2y.square();
    Fp2 sq2x = y2.multiplyByXi().add(x2);
    Fp2 sq2y = a2x.add(a2y).square().subtract(x2).subtract(y2);

    Fp2 r0x = threeTimesMinusTwice(sq0x, a0x);
    Fp2 r0y = threeTimesPlusTwice(sq0y, a0y);
    Fp2 r1x = threeTimesPlusTwice(sq2y.multiplyByXi(), a1x);
    Fp2 r1y = threeTimesMinusTwice(sq2x, a1y);
    Fp2 r2x = threeTimesMinusTwice(sq1x, a2x);
    Fp2 r2y = threeTimesPlusTwice(sq1y, a2y);
    return new Fp12(new Fp6(r0x, r2x, r1y), new Fp6(r1x, r0y, r2y));
  }

  /**
   * {@code this^k} for a cyclotomic element, k given by its signed digits (-1, 0, 1), least
   * significant first: a digit -1 multiplies by the conjugate, which is the inverse here.
   */
  Fp12 cyclotomicPow(int[] signedDigits) {
    Fp12 inverse = conjugate();
    Fp12 result = ONE;
    for (int i = signedDigits.length - 1; i >= 0; i--) {
      result = result.cyclotomicSquare();
      if (signedDigits[i] > 0) {
        result = result.multiply(this);
      } else if (signedDigits[i] < 0) {
        result = result.multiply(inverse);
      }
    }
    return result;
  }

  boolean isOne() {
    return equals(ONE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp12 o && c0.equals(o.c0) && c1.equals(o.c1);
  }

  @Override
  public int hashCode() {
    return 31 * c0.hashCode() + c1.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")*w";
  }

  /** {@code 3 square - 2 value}. */
  private static Fp2 threeTimesMinusTwice(Fp2 square, Fp2 value) {
    return square.subtract(value).doubled().add(square);
  }

  /** {@code 3 square + 2 value}. */
  private static Fp2 threeTimesPlusTwice(Fp2 square, Fp2 value) {
    return square.add(value).doubled().add(square);
  }

  private static Fp2 conjugateIf(Fp2 value, boolean conjugate) {
    return conjugate ? value.conjugate() : value;
  }

  private static Fp2[][] frobeniusConstants() {
    Fp2[][] gamma = new Fp2[4][6];
    for (int n = 1; n <= 3; n++) {
      BigInteger sixth = Fp.MODULUS.pow(n).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
      for (int k = 1; k <= 5; k++) {
        gamma[n][k] = Fp2.XI.pow(sixth.multiply(BigInteger.valueOf(k)));
      }
    }
    return gamma;
  }
}
