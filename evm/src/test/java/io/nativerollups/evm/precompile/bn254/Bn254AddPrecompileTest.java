package io.nativerollups.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Bn254AddPrecompileTest {

  private static final HexFormat HEX = HexFormat.of();
  private final Bn254AddPrecompile add = new Bn254AddPrecompile();

  @Test
  void knownVectorsGiveTheirSums() {
    for (String[] vector : Bn254Vectors.ADD) {
      assertEquals(vector[1], HEX.formatHex(add.compute(HEX.parseHex(vector[0]))));
    }
  }

  @Test
  void costsEip1108Price() {
    assertEquals(150, add.gasRequirement(new byte[0]));
    assertEquals(150, add.gasRequirement(new byte[500]));
  }

  @Test
  void emptyInputIsInfinityPlusInfinity() {
    assertArrayEquals(new byte[64], add.compute(new byte[0]));
  }

  @Test
  void shortInputIsPaddedAndLongInputCut() {
    byte[] generator = G1.encode(G1.GENERATOR);
    assertArrayEquals(generator, add.compute(generator));
    byte[] truncated =
        Arrays.copyOf(generator, 63); // y loses its last byte: (1, 0) is off the curve
    assertNull(add.compute(truncated));
    byte[] doubled = G1.encode(G1.GENERATOR.doubled());
    byte[] withSurplus = Arrays.copyOf(concat(generator, generator), 200);
    withSurplus[150] = 7;
    assertArrayEquals(doubled, add.compute(withSurplus));
  }

  @Test
  void pointPlusItsNegationIsInfinity() {
    byte[] p = G1.encode(G1.GENERATOR.multiply(BigInteger.valueOf(77)));
    byte[] minusP = G1.encode(G1.GENERATOR.multiply(BigInteger.valueOf(77)).negate());
    assertArrayEquals(new byte[64], add.compute(concat(p, minusP)));
  }

  @Test
  void pointOffTheCurveFails() {
    byte[] input = new byte[128];
    input[31] = 1;
    input[63] = 1; // (1, 1)
    assertNull(add.compute(input));
    byte[] secondOffCurve = concat(G1.encode(G1.GENERATOR), input);
    assertNull(add.compute(Arrays.copyOf(secondOffCurve, 192)));
  }

  @Test
  void coordinateNotBelowPFails() {
    // (1 + p, 2) is the generator mod p but must be rejected; so must (p, 0)
    byte[] input =
        concat(
            CurveGroupTest.toWord(Fp.MODULUS.add(BigInteger.ONE)),
            CurveGroupTest.toWord(BigInteger.TWO));
    assertNull(add.compute(input));
    byte[] pZero = concat(CurveGroupTest.toWord(Fp.MODULUS), new byte[32]);
    assertNull(add.compute(pZero));
    assertNull(add.compute(concat(new byte[64], pZero)));
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}
