package io.nativerollups.evm.precompile.bn254;

import static io.nativerollups.evm.precompile.bn254.Bn254AddPrecompileTest.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Bn254MulPrecompileTest {

  private static final HexFormat HEX = HexFormat.of();
  private final Bn254MulPrecompile mul = new Bn254MulPrecompile();

  @Test
  void knownVectorsGiveTheirProducts() {
    for (String[] vector : Bn254Vectors.MUL) {
      assertEquals(vector[1], HEX.formatHex(mul.compute(HEX.parseHex(vector[0]))));
    }
  }

  @Test
  void costsEip1108Price() {
    assertEquals(6000, mul.gasRequirement(new byte[0]));
    assertEquals(6000, mul.gasRequirement(new byte[96]));
  }

  @Test
  void emptyInputGivesInfinity() {
    assertArrayEquals(new byte[64], mul.compute(new byte[0]));
  }

  @Test
  void missingScalarBytesArePaddedWithZerosOnTheRight() {
    byte[] generator = G1.encode(G1.GENERATOR);
    assertArrayEquals(new byte[64], mul.compute(generator));
    byte[] partialScalar = Arrays.copyOf(generator, 65);
    partialScalar[64] = 1; // scalar 2^248
    assertArrayEquals(
        G1.encode(G1.GENERATOR.multiply(BigInteger.ONE.shiftLeft(248))),
        mul.compute(partialScalar));
    byte[] withSurplus =
        Arrays.copyOf(concat(generator, CurveGroupTest.toWord(BigInteger.TWO)), 120);
    withSurplus[100] = 9;
    assertArrayEquals(G1.encode(G1.GENERATOR.doubled()), mul.compute(withSurplus));
  }

  @Test
  void infinityTimesAnythingIsInfinity() {
    byte[] input = new byte[96];
    Arrays.fill(input, 64, 96, (byte) 0xff);
    assertArrayEquals(new byte[64], mul.compute(input));
  }

  @Test
  void badPointsFailWhateverTheScalar() {
    byte[] offCurve = new byte[96];
    offCurve[31] = 1;
    offCurve[63] = 3;
    assertNull(mul.compute(offCurve));
    byte[] xAboveP =
        concat(
            CurveGroupTest.toWord(Fp.MODULUS.add(BigInteger.ONE)),
            CurveGroupTest.toWord(BigInteger.TWO),
            new byte[32]);
    assertNull(mul.compute(xAboveP));
    byte[] yEqualP = concat(new byte[32], CurveGroupTest.toWord(Fp.MODULUS), new byte[32]);
    assertNull(mul.compute(yEqualP));
  }
}
