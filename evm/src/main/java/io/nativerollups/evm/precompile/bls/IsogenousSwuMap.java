package io.nativerollups.evm.precompile.bls;

import java.util.List;

/**
 * The field-to-curve map of EIP-2537's field_to_curve.md (RFC 9380's simplified SWU for AB == 0):
 * simplified SWU onto an isogenous curve E': y^2 = x^3 + A'x + B' with A'B' != 0, then the isogeny
 * to BLS12-381's curve E. Cofactor clearing is left to the caller.
 *
 * @param <F> Fp for G1, Fp2 for G2
 */
final class IsogenousSwuMap<F extends FieldElement<F>> {

  private final F a;
  private final F b;
  private final F z;
  private final F minusBOverA;
  private final F bOverZA;
  private final List<F> xNumerator;
  private final List<F> xDenominator;
  private final List<F> yNumerator;
  private final List<F> yDenominator;

  /**
   * A map for E' with coefficients {@code a}, {@code b} and SWU constant {@code z}, and the isogeny
   * x = xNum(x')/xDen(x'), y = y' yNum(x')/yDen(x'), whose polynomials are given by their
   * coefficients from degree 0 upwards (denominators including their leading 1).
   */
  IsogenousSwuMap(
      F a,
      F b,
      F z,
      List<F> xNumerator,
      List<F> xDenominator,
      List<F> yNumerator,
      List<F> yDenominator) {
    this.a = a;
    this.b = b;
    this.z = z;
    this.minusBOverA = b.negate().multiply(a.inverse());
    this.bOverZA = b.multiply(z.multiply(a).inverse());
    this.xNumerator = List.copyOf(xNumerator);
    this.xDenominator = List.copyOf(xDenominator);
    this.yNumerator = List.copyOf(yNumerator);
    this.yDenominator = List.copyOf(yDenominator);
  }

  /** The point of E that {@code u} maps to before cofactor clearing; null for infinity. */
  AffinePoint<F> map(F u) {
    AffinePoint<F> onIsogenousCurve = simplifiedSwu(u);
    return isogeny(onIsogenousCurve.x(), onIsogenousCurve.y());
  }

  /** field_to_curve.md's "Simplified SWU for AB != 0", steps 1 to 10. */
  private AffinePoint<F> simplifiedSwu(F u) {
    F zu2 = z.multiply(u.square());
    F tv1 = zu2.square().add(zu2).inverse();
    F x1 = tv1.isZero() ? bOverZA : minusBOverA.add(minusBOverA.multiply(tv1));
    F x = x1;
    F y = curveRightSide(x1).sqrt();
    if (y == null) {
      x = zu2.multiply(x1);
      y = curveRightSide(x).sqrt();
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.negate();
    }
    return new AffinePoint<>(x, y);
  }

  /** The isogeny E' -> E; a vanishing denominator maps to infinity (null). */
  private AffinePoint<F> isogeny(F x, F y) {
    F xDen = evaluate(xDenominator, x);
    F yDen = evaluate(yDenominator, x);
    F denominators = xDen.multiply(yDen);
    if (denominators.isZero()) {
      return null;
    }
    // One inversion serves both denominators: 1/xDen = yDen/(xDen yDen), and vice versa.
    F inverse = denominators.inverse();
    F mappedX = evaluate(xNumerator, x).multiply(yDen).multiply(inverse);
    F mappedY = y.multiply(evaluate(yNumerator, x)).multiply(xDen).multiply(inverse);
    return new AffinePoint<>(mappedX, mappedY);
  }

  private F curveRightSide(F x) {
    return x.square().multiply(x).add(a.multiply(x)).add(b);
  }

  /** Horner evaluation of the polynomial with these coefficients (degree 0 first). */
  private static <F extends FieldElement<F>> F evaluate(List<F> coefficients, F x) {
    F result = coefficients.getLast();
    for (int i = coefficients.size() - 2; i >= 0; i--) {
      result = result.multiply(x).add(coefficients.get(i));
    }
    return result;
  }
}
