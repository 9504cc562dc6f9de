package io.nativerollups.evm.precompile.bn254;

import java.math.BigInteger;

/** An element {@code c0 + c1*i} of F_p^2 = F_p[i]/(i^2 + 1), the field G2's coordinates live in. */
final class Fp2 implements FieldElement<Fp2> {

  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  /** xi = 9 + i: the non-residue that builds F_p^6 (v^3 = xi) and defines the twist of G2. */
  static final Fp2 XI = new Fp2(Fp.valueOf(9), Fp.ONE);

  final Fp c0;
  final Fp c1;

  Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  /**
   * Reads the EVM encoding of EIP-197: the imaginary part's 32 bytes, then the real part's. Null if
   * either is not below p.
   */
  static Fp2 fromBytes(byte[] in, int offset) {
    Fp imaginary = Fp.fromBytes(in, offset);
    Fp real = Fp.fromBytes(in, offset + 32);
    return imaginary == null || real == null ? null : new Fp2(real, imaginary);
  }

  @Override
  public Fp2 add(Fp2 o) {
    return new Fp2(c0.add(o.c0), c1.add(o.c1));
  }

  @Override
  public Fp2 subtract(Fp2 o) {
    return new Fp2(c0.subtract(o.c0), c1.subtract(o.c1));
  }

  @Override
  public Fp2 doubled() {
    return new Fp2(c0.doubled(), c1.doubled());
  }

  @Override
  public Fp2 negate() {
    return new Fp2(c0.negate(), c1.negate());
  }

  /** Karatsuba: three base-field products. */
  @Override
  public Fp2 multiply(Fp2 o) {
    Fp v0 = c0.multiply(o.c0);
    Fp v1 = c1.multiply(o.c1);
    Fp cross = c0.add(c1).multiply(o.c0.add(o.c1));
    return new Fp2(v0.subtract(v1), cross.subtract(v0).subtract(v1));
  }

  /** (c0 + c1 i)^2 = (c0 + c1)(c0 - c1) + 2 c0 c1 i: two base-field products. */
  @Override
  public Fp2 square() {
    Fp real = c0.add(c1).multiply(c0.subtract(c1));
    return new Fp2(real, c0.multiply(c1).doubled());
  }

  Fp2 multiply(Fp scalar) {
    return new Fp2(c0.multiply(scalar), c1.multiply(scalar));
  }

  /** {@code this * (9 + i)} by additions only. */
  Fp2 multiplyByXi() {
    Fp nineC0 = c0.doubled().doubled().doubled().add(c0);
    Fp nineC1 = c1.doubled().doubled().doubled().add(c1);
    return new Fp2(nineC0.subtract(c1), nineC1.add(c0));
  }

  /** The conjugate {@code c0 - c1 i}, which is also {@code this^p}. */
  Fp2 conjugate() {
    return new Fp2(c0, c1.negate());
  }

  @Override
  public Fp2 inverse() {
    Fp normInverse = c0.square().add(c1.square()).inverse();
    return new Fp2(c0.multiply(normInverse), c1.negate().multiply(normInverse));
  }

  /** {@code this^exponent} for a non-negative exponent (used for constants). */
  Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  @Override
  public boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp2 o && c0.equals(o.c0) && c1.equals(o.c1);
  }

  @Override
  public int hashCode() {
    return 31 * c0.hashCode() + c1.hashCode();
  }

  @Override
  public String toString() {
    return c0 + " + " + c1 + "*i";
  }
}
