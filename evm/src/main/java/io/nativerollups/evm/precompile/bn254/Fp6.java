package io.nativerollups.evm.precompile.bn254;

/** An element {@code c0 + c1 v + c2 v^2} of F_p^6 = F_p^2[v]/(v^3 - xi), xi = 9 + i. */
final class Fp6 {

  static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  final Fp2 c0;
  final Fp2 c1;
  final Fp2 c2;

  Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  Fp6 subtract(Fp6 o) {
    return new Fp6(c0.subtract(o.c0), c1.subtract(o.c1), c2.subtract(o.c2));
  }

  Fp6 negate() {
    return new Fp6(c0.negate(), c1.negate(), c2.negate());
  }

  /** Karatsuba over the three coefficients: six F_p^2 products. */
  Fp6 multiply(Fp6 o) {
    Fp2 t0 = c0.multiply(o.c0);
    Fp2 t1 = c1.multiply(o.c1);
    Fp2 t2 = c2.multiply(o.c2);
    Fp2 r0 = c1.add(c2).multiply(o.c1.add(o.c2)).subtract(t1).subtract(t2).multiplyByXi().add(t0);
    Fp2 r1 = c0.add(c1).multiply(o.c0.add(o.c1)).subtract(t0).subtract(t1).add(t2.multiplyByXi());
    Fp2 r2 = c0.add(c2).multiply(o.c0.add(o.c2)).subtract(t0).subtract(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /** Chung-Hasan squaring (SQR2): two multiplications and three squarings in F_p^2. */
  Fp6 square() {
    Fp2 s0 = c0.square();
    Fp2 s1 = c0.multiply(c1).doubled();
    Fp2 s2 = c0.subtract(c1).add(c2).square();
    Fp2 s3 = c1.multiply(c2).doubled();
    Fp2 s4 = c2.square();
    return new Fp6(
        s3.multiplyByXi().add(s0),
        s4.multiplyByXi().add(s1),
        s1.add(s2).add(s3).subtract(s0).subtract(s4));
  }

  /**
   * Product with {@code b0 + b1 v} (no v^2 term), as lines in the Miller loop are: five products.
   */
  Fp6 multiplyBy01(Fp2 b0, Fp2 b1) {
    Fp2 t0 = c0.multiply(b0);
    Fp2 t1 = c1.multiply(b1);
    Fp2 r0 = c1.add(c2).multiply(b1).subtract(t1).multiplyByXi().add(t0);
    Fp2 r1 = c0.add(c1).multiply(b0.add(b1)).subtract(t0).subtract(t1);
    Fp2 r2 = c0.add(c2).multiply(b0).subtract(t0).add(t1);
    return new Fp6(r0, r1, r2);
  }

  Fp6 multiply(Fp2 scalar) {
    return new Fp6(c0.multiply(scalar), c1.multiply(scalar), c2.multiply(scalar));
  }

  /** {@code this * v}: the coefficients shift up and v^3 wraps around as xi. */
  Fp6 multiplyByV() {
    return new Fp6(c2.multiplyByXi(), c0, c1);
  }

  Fp6 inverse() {
    Fp2 a = c0.square().subtract(c1.multiply(c2).multiplyByXi());
    Fp2 b = c2.square().multiplyByXi().subtract(c0.multiply(c1));
    Fp2 c = c1.square().subtract(c0.multiply(c2));
    Fp2 norm = c0.multiply(a).add(c2.multiply(b).add(c1.multiply(c)).multiplyByXi());
    Fp2 normInverse = norm.inverse();
    return new Fp6(a.multiply(normInverse), b.multiply(normInverse), c.multiply(normInverse));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp6 o && c0.equals(o.c0) && c1.equals(o.c1) && c2.equals(o.c2);
  }

  @Override
  public int hashCode() {
    return (31 * c0.hashCode() + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")*v + (" + c2 + ")*v^2";
  }
}
