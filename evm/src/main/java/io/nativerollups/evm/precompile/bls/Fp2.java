package io.nativerollups.evm.precompile.bls;

/**
 * An element c0 + c1 * i of Fp2 = Fp[i] / (i^2 + 1), BLS12-381's quadratic extension (the EIP's
 * non-residue is p - 1 = -1).
 *
 * @param c0 the real coefficient
 * @param c1 the coefficient of i
 */
record Fp2(Fp c0, Fp c1) implements FieldElement<Fp2> {

  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  /** The element with these hexadecimal coefficients. */
  static Fp2 fromHex(String c0, String c1) {
    return new Fp2(Fp.fromHex(c0), Fp.fromHex(c1));
  }

  /** The element c0 + c1 * i for small, possibly negative, coefficients. */
  static Fp2 of(long c0, long c1) {
    return new Fp2(Fp.of(c0), Fp.of(c1));
  }

  @Override
  public Fp2 add(Fp2 other) {
    return new Fp2(c0.add(other.c0), c1.add(other.c1));
  }

  @Override
  public Fp2 subtract(Fp2 other) {
    return new Fp2(c0.subtract(other.c0), c1.subtract(other.c1));
  }

  @Override
  public Fp2 multiply(Fp2 other) {
    return new Fp2(
        c0.multiply(other.c0).subtract(c1.multiply(other.c1)),
        c0.multiply(other.c1).add(c1.multiply(other.c0)));
  }

  /** The Frobenius image c0 - c1 i. */
  Fp2 conjugate() {
    return new Fp2(c0, c1.negate());
  }

  @Override
  public Fp2 negate() {
    return new Fp2(c0.negate(), c1.negate());
  }

  /** 1 / (c0 + c1 i) = (c0 - c1 i) / (c0^2 + c1^2); zero maps to zero. */
  @Override
  public Fp2 inverse() {
    Fp normInverse = norm().inverse();
    return new Fp2(c0.multiply(normInverse), c1.negate().multiply(normInverse));
  }

  /**
   * A square root via the norm: a is a square iff its norm c0^2 + c1^2 is a square n^2 in Fp; then
   * sqrt(a) = x0 + x1 i with x0^2 = (c0 +- n) / 2 (exactly one sign gives a square when c1 != 0)
   * and x1 = c1 / (2 x0).
   */
  @Override
  public Fp2 sqrt() {
    if (c1.isZero()) {
      // -1 is not a square in Fp, so exactly one of c0 and -c0 is (both when c0 is zero).
      Fp real = c0.sqrt();
      return real != null ? new Fp2(real, Fp.ZERO) : new Fp2(Fp.ZERO, c0.negate().sqrt());
    }
    Fp normRoot = norm().sqrt();
    if (normRoot == null) {
      return null;
    }
    Fp x0 = c0.add(normRoot).half().sqrt();
    if (x0 == null) {
      x0 = c0.subtract(normRoot).half().sqrt();
    }
    Fp x1 = c1.multiply(x0.add(x0).inverse());
    return new Fp2(x0, x1);
  }

  /** RFC 9380's sgn0 for m = 2: the parity of c0, or of c1 when c0 is zero. */
  @Override
  public int sgn0() {
    return c0.isZero() ? c1.sgn0() : c0.sgn0();
  }

  @Override
  public boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  private Fp norm() {
    return c0.square().add(c1.square());
  }
}
