package io.nativerollups.evm.precompile.bls;

import java.math.BigInteger;

/**
 * An element of BLS12-381's base field Fp, reduced below p.
 *
 * @param value the canonical representative, in [0, p)
 */
record Fp(BigInteger value) implements FieldElement<Fp> {

  /** The base field modulus p. */
  static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  static final Fp ZERO = new Fp(BigInteger.ZERO);
  static final Fp ONE = new Fp(BigInteger.ONE);

  /** p = 3 mod 4, so a square a has the square root a^((p+1)/4). */
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

  /** The element with this hexadecimal value, which must be below p. */
  static Fp fromHex(String hex) {
    return new Fp(new BigInteger(hex, 16));
  }

  /** The element congruent to {@code n}, which may be negative. */
  static Fp of(long n) {
    return new Fp(BigInteger.valueOf(n).mod(P));
  }

  @Override
  public Fp add(Fp other) {
    BigInteger sum = value.add(other.value);
    return new Fp(sum.compareTo(P) >= 0 ? sum.subtract(P) : sum);
  }

  @Override
  public Fp subtract(Fp other) {
    BigInteger difference = value.subtract(other.value);
    return new Fp(difference.signum() < 0 ? difference.add(P) : difference);
  }

  @Override
  public Fp multiply(Fp other) {
    return new Fp(value.multiply(other.value).mod(P));
  }

  @Override
  public Fp negate() {
    return isZero() ? this : new Fp(P.subtract(value));
  }

  @Override
  public Fp inverse() {
    return isZero() ? this : new Fp(value.modInverse(P));
  }

  @Override
  public Fp sqrt() {
    Fp root = new Fp(value.modPow(SQRT_EXPONENT, P));
    return root.square().equals(this) ? root : null;
  }

  @Override
  public int sgn0() {
    return value.testBit(0) ? 1 : 0;
  }

  @Override
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** this / 2. */
  Fp half() {
    return new Fp(value.testBit(0) ? value.add(P).shiftRight(1) : value.shiftRight(1));
  }
}
