package io.nativerollups.evm.precompile.bn254;

import static io.nativerollups.evm.precompile.bn254.Bn254AddPrecompileTest.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Bn254PairingPrecompileTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] TRUE = word(1);
  private static final byte[] FALSE = word(0);

  private final Bn254PairingPrecompile pairing = new Bn254PairingPrecompile();

  @Test
  void knownVectorsGiveTheirVerdicts() {
    assertArrayEquals(TRUE, pairing.compute(HEX.parseHex(Bn254Vectors.PAIRING_PRODUCT_ONE)));
    assertArrayEquals(FALSE, pairing.compute(HEX.parseHex(Bn254Vectors.PAIRING_PRODUCT_NOT_ONE)));
  }

  @Test
  void generatorPairedWithItsNegationCancels() {
    byte[] p1 = G1.encode(G1.GENERATOR);
    byte[] minusP1 = G1.encode(G1.GENERATOR.negate());
    byte[] p2 = encodeG2(G2.GENERATOR);
    assertArrayEquals(TRUE, pairing.compute(concat(p1, p2, minusP1, p2)));
    assertArrayEquals(FALSE, pairing.compute(concat(p1, p2, p1, p2)));
    assertArrayEquals(FALSE, pairing.compute(concat(p1, p2)));
  }

  @Test
  void bilinearityHoldsThroughThePrecompile() {
    BigInteger a = new BigInteger("123456789123456789123456789");
    BigInteger b = new BigInteger("987654321987654321");
    byte[] aP = G1.encode(G1.GENERATOR.multiply(a));
    byte[] bQ = encodeG2(G2.GENERATOR.multiply(b));
    byte[] minusAbP = G1.encode(G1.GENERATOR.multiply(a.multiply(b)).negate());
    byte[] q = encodeG2(G2.GENERATOR);
    assertArrayEquals(TRUE, pairing.compute(concat(aP, bQ, minusAbP, q)));
    byte[] minusAbPlusOneP =
        G1.encode(G1.GENERATOR.multiply(a.multiply(b).add(BigInteger.ONE)).negate());
    assertArrayEquals(FALSE, pairing.compute(concat(aP, bQ, minusAbPlusOneP, q)));
  }

  @Test
  void emptyInputAndInfinityPairsGiveOne() {
    assertArrayEquals(TRUE, pairing.compute(new byte[0]));
    assertArrayEquals(TRUE, pairing.compute(new byte[192]));
    byte[] p1 = G1.encode(G1.GENERATOR);
    byte[] p2 = encodeG2(G2.GENERATOR);
    assertArrayEquals(TRUE, pairing.compute(concat(p1, new byte[128])));
    assertArrayEquals(TRUE, pairing.compute(concat(new byte[64], p2)));
  }

  @Test
  void gasIsBasePlusPerPair() {
    assertEquals(45_000, pairing.gasRequirement(new byte[0]));
    assertEquals(45_000 + 34_000, pairing.gasRequirement(new byte[192]));
    assertEquals(45_000 + 3 * 34_000, pairing.gasRequirement(new byte[3 * 192]));
    assertEquals(45_000, pairing.gasRequirement(new byte[191]));
  }

  @Test
  void lengthNotAMultipleOf192Fails() {
    byte[] valid = HEX.parseHex(Bn254Vectors.PAIRING_PRODUCT_ONE);
    assertNull(pairing.compute(Arrays.copyOf(valid, valid.length - 1)));
    assertNull(pairing.compute(Arrays.copyOf(valid, valid.length + 1)));
    assertNull(pairing.compute(new byte[1]));
    assertNull(pairing.compute(new byte[191]));
  }

  @Test
  void g2PointOnTheTwistButOutsideTheSubgroupFails() {
    byte[] notInG2 = HEX.parseHex(CurveGroupTest.TWIST_POINT_NOT_IN_G2);
    assertNull(pairing.compute(concat(G1.encode(G1.GENERATOR), notInG2)));
    assertNull(pairing.compute(concat(new byte[64], notInG2)));
  }

  @Test
  void pointsOffTheirCurvesFail() {
    byte[] p2 = encodeG2(G2.GENERATOR);
    byte[] offCurveG1 = G1.encode(G1.GENERATOR);
    offCurveG1[63] = 3;
    assertNull(pairing.compute(concat(offCurveG1, p2)));
    byte[] offTwist = p2.clone();
    offTwist[127] ^= 1;
    assertNull(pairing.compute(concat(G1.encode(G1.GENERATOR), offTwist)));
    // a bad point in a later pair fails the whole call
    assertNull(
        pairing.compute(concat(G1.encode(G1.GENERATOR), p2, G1.encode(G1.GENERATOR), offTwist)));
  }

  @Test
  void coordinatesNotBelowPFail() {
    byte[] p2 = encodeG2(G2.GENERATOR);
    for (int coordinate = 0; coordinate < 4; coordinate++) {
      byte[] g2 = p2.clone();
      BigInteger value =
          new BigInteger(1, Arrays.copyOfRange(g2, 32 * coordinate, 32 * coordinate + 32));
      System.arraycopy(CurveGroupTest.toWord(value.add(Fp.MODULUS)), 0, g2, 32 * coordinate, 32);
      assertNull(
          pairing.compute(concat(G1.encode(G1.GENERATOR), g2)), "G2 coordinate " + coordinate);
    }
    byte[] g1 = G1.encode(G1.GENERATOR);
    System.arraycopy(CurveGroupTest.toWord(Fp.MODULUS.add(BigInteger.ONE)), 0, g1, 0, 32);
    assertNull(pairing.compute(concat(g1, p2)));
  }

  /** The EIP-197 encoding of a G2 point: x then y, imaginary part first. */
  static byte[] encodeG2(JacobianPoint<Fp2> point) {
    byte[] out = new byte[128];
    if (!point.isInfinity()) {
      JacobianPoint<Fp2> affine = point.normalized();
      affine.x().c1.toBytes(out, 0);
      affine.x().c0.toBytes(out, 32);
      affine.y().c1.toBytes(out, 64);
      affine.y().c0.toBytes(out, 96);
    }
    return out;
  }

  private static byte[] word(int value) {
    byte[] out = new byte[32];
    out[31] = (byte) value;
    return out;
  }
}
