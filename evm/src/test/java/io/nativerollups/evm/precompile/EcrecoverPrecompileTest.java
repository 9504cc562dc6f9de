package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcrecoverPrecompileTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final EcrecoverPrecompile ECRECOVER = new EcrecoverPrecompile();

  // go-ethereum's ECRECOVER vector: hash, v = 28, r, s.
  private static final String VALID_INPUT =
      "456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3"
          + "000000000000000000000000000000000000000000000000000000000000001c"
          + "9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608"
          + "4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada";
  private static final byte[] SIGNER_WORD =
      HEX.parseHex("0000000000000000000000007156526fbd7a3c72969b54f64e42c10fbb768c8a");

  @Test
  void recoversSignerAsLeftPaddedWord() {
    assertArrayEquals(SIGNER_WORD, ECRECOVER.compute(HEX.parseHex(VALID_INPUT)));
  }

  @Test
  void costs3000WhateverTheInput() {
    assertEquals(3000, ECRECOVER.gasRequirement(HEX.parseHex(VALID_INPUT)));
    assertEquals(3000, ECRECOVER.gasRequirement(new byte[0]));
    assertEquals(3000, ECRECOVER.gasRequirement(new byte[1000]));
  }

  @Test
  void ignoresBytesBeyond128() {
    byte[] longer = Arrays.copyOf(HEX.parseHex(VALID_INPUT), 200);
    Arrays.fill(longer, 128, 200, (byte) 0xff);
    assertArrayEquals(SIGNER_WORD, ECRECOVER.compute(longer));
  }

  @Test
  void recoversSignatureMadeBySecp256k1() {
    byte[] key = HEX.parseHex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    byte[] hash = HEX.parseHex("0102030405060708091011121314151617181920212223242526272829303132");
    Secp256k1.Signature sig = Secp256k1.sign(hash, key);
    byte[] input = new byte[128];
    System.arraycopy(hash, 0, input, 0, 32);
    input[63] = (byte) (27 + sig.recId());
    System.arraycopy(sig.r().toBytes(), 0, input, 64, 32);
    System.arraycopy(sig.s().toBytes(), 0, input, 96, 32);
    byte[] expected = new byte[32];
    System.arraycopy(Secp256k1.addressOf(key).toArray(), 0, expected, 12, 20);
    assertArrayEquals(expected, ECRECOVER.compute(input));
  }

  @Test
  void vOtherThan27Or28GivesEmptyOutput() {
    for (int v : new int[] {0, 1, 26, 29, 255}) {
      byte[] input = HEX.parseHex(VALID_INPUT);
      input[63] = (byte) v;
      assertArrayEquals(new byte[0], ECRECOVER.compute(input), "v = " + v);
    }
  }

  @Test
  void vWithNonZeroHighBytesGivesEmptyOutput() {
    byte[] input = HEX.parseHex(VALID_INPUT);
    input[32] = 1; // v = 2^248 + 28
    assertArrayEquals(new byte[0], ECRECOVER.compute(input));
    input = HEX.parseHex(VALID_INPUT);
    input[62] = 1; // v = 256 + 28
    assertArrayEquals(new byte[0], ECRECOVER.compute(input));
  }

  @Test
  void outOfRangeROrSGivesEmptyOutput() {
    byte[] zeroR = HEX.parseHex(VALID_INPUT);
    Arrays.fill(zeroR, 64, 96, (byte) 0);
    assertArrayEquals(new byte[0], ECRECOVER.compute(zeroR));
    byte[] sEqualsN = HEX.parseHex(VALID_INPUT);
    System.arraycopy(Secp256k1.N.toBytes(), 0, sEqualsN, 96, 32);
    assertArrayEquals(new byte[0], ECRECOVER.compute(sEqualsN));
    byte[] rMax = HEX.parseHex(VALID_INPUT);
    System.arraycopy(UInt256.MAX.toBytes(), 0, rMax, 64, 32);
    assertArrayEquals(new byte[0], ECRECOVER.compute(rMax));
  }

  @Test
  void rWithoutCurvePointGivesEmptyOutput() {
    byte[] input = HEX.parseHex(VALID_INPUT);
    System.arraycopy(UInt256.valueOf(5).toBytes(), 0, input, 64, 32); // x = 5 is not on the curve
    assertArrayEquals(new byte[0], ECRECOVER.compute(input));
  }

  @Test
  void shortInputIsZeroPaddedAndGivesEmptyOutput() {
    assertArrayEquals(new byte[0], ECRECOVER.compute(new byte[0]));
    // hash and v only: r = s = 0 after padding.
    assertArrayEquals(new byte[0], ECRECOVER.compute(Arrays.copyOf(HEX.parseHex(VALID_INPUT), 64)));
    // s truncated: the padded s differs, so some other (or no) key is recovered, never the signer.
    byte[] truncated = Arrays.copyOf(HEX.parseHex(VALID_INPUT), 127);
    byte[] out = ECRECOVER.compute(truncated);
    assertEquals(false, Arrays.equals(SIGNER_WORD, out));
  }

  @Test
  void doesNotModifyInput() {
    byte[] input = HEX.parseHex(VALID_INPUT);
    ECRECOVER.compute(input);
    assertArrayEquals(HEX.parseHex(VALID_INPUT), input);
  }
}
