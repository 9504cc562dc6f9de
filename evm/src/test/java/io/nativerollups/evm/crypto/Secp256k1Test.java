package io.nativerollups.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  private static final HexFormat HEX = HexFormat.of();

  // go-ethereum's ECRECOVER precompile test vector (v = 28).
  private static final byte[] GETH_HASH =
      HEX.parseHex("456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3");
  private static final UInt256 GETH_R =
      UInt256.fromHexString("0x9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608");
  private static final UInt256 GETH_S =
      UInt256.fromHexString("0x4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada");
  private static final Address GETH_SIGNER =
      Address.fromHex("0x7156526fbd7a3c72969b54f64e42c10fbb768c8a");

  @Test
  void recoversGethEcrecoverVector() {
    assertEquals(GETH_SIGNER, Secp256k1.recoverAddress(GETH_HASH, 1, GETH_R, GETH_S));
  }

  @Test
  void recoversGethVectorWithBothBackends() {
    assertEquals(
        GETH_SIGNER,
        Secp256k1.recoverAddress(Secp256k1.fallbackBackend(), GETH_HASH, 1, GETH_R, GETH_S));
    assertEquals(
        GETH_SIGNER,
        Secp256k1.recoverAddress(Secp256k1.nativeBackendOrNull(), GETH_HASH, 1, GETH_R, GETH_S));
  }

  @Test
  void nativeLibraryLoadsOnLinuxX64() {
    assertNotNull(Secp256k1.nativeBackendOrNull(), "libsecp256k1 JNI should load on this platform");
  }

  @Test
  void wrongRecoveryIdRecoversAnotherAddress() {
    Address other = Secp256k1.recoverAddress(GETH_HASH, 0, GETH_R, GETH_S);
    assertNotNull(other);
    assertNotEquals(GETH_SIGNER, other);
  }

  @Test
  void addressOfKnownKeys() {
    assertEquals(
        Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"),
        Secp256k1.addressOf(UInt256.ONE.toBytes()));
    // The key ethereum/tests state tests sign with.
    assertEquals(
        Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b"),
        Secp256k1.addressOf(
            HEX.parseHex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")));
  }

  @Test
  void signedHashRecoversSignerAndHasLowS() {
    byte[] key = HEX.parseHex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      Secp256k1.Signature sig = Secp256k1.sign(hash, key);
      assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "EIP-2 low s");
      assertEquals(Secp256k1.addressOf(key), Secp256k1.recoverAddress(hash, sig.recId(), sig.r(), sig.s()));
    }
  }

  @Test
  void signingIsDeterministicRfc6979() {
    // RFC 6979 / libsecp256k1 test: key 1, message sha256("Satoshi Nakamoto"); the well-known r, s.
    byte[] hash = new org.bouncycastle.jcajce.provider.digest.SHA256.Digest()
        .digest("Satoshi Nakamoto".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Secp256k1.Signature sig = Secp256k1.sign(hash, UInt256.ONE.toBytes());
    assertEquals(
        UInt256.fromHexString("0x934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"),
        sig.r());
    assertEquals(
        UInt256.fromHexString("0x2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"),
        sig.s());
  }

  @Test
  void nativeAndFallbackAgreeOnRandomInputs() {
    Secp256k1Backend nativeBackend = Secp256k1.nativeBackendOrNull();
    Secp256k1Backend fallback = Secp256k1.fallbackBackend();
    assertNotNull(nativeBackend);
    Random random = new Random(42);
    for (int i = 0; i < 30; i++) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      key[0] &= 0x7f; // below N
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      assertArrayEquals(nativeBackend.publicKey(key), fallback.publicKey(key));
      Secp256k1.Signature a = Secp256k1.sign(nativeBackend, hash, key);
      Secp256k1.Signature b = Secp256k1.sign(fallback, hash, key);
      assertEquals(a, b);
      // Arbitrary (r, s) pairs: both must agree, including on "no key" results.
      byte[] r = new byte[32];
      byte[] s = new byte[32];
      random.nextBytes(r);
      random.nextBytes(s);
      r[0] &= 0x7f;
      s[0] &= 0x7f;
      for (int recId = 0; recId < 2; recId++) {
        assertEquals(
            Secp256k1.recoverAddress(nativeBackend, hash, recId, UInt256.fromBytes(r), UInt256.fromBytes(s)),
            Secp256k1.recoverAddress(fallback, hash, recId, UInt256.fromBytes(r), UInt256.fromBytes(s)));
      }
    }
  }

  @Test
  void rWithoutCurvePointRecoversNothingOnBothBackends() {
    // x = 5 has no point on secp256k1 (5^3 + 7 = 132 is not a square mod p).
    UInt256 r = UInt256.valueOf(5);
    assertNull(Secp256k1.recoverAddress(Secp256k1.fallbackBackend(), GETH_HASH, 0, r, GETH_S));
    assertNull(Secp256k1.recoverAddress(Secp256k1.nativeBackendOrNull(), GETH_HASH, 0, r, GETH_S));
  }

  @Test
  void rejectsOutOfRangeRAndS() {
    for (Secp256k1Backend backend :
        new Secp256k1Backend[] {Secp256k1.nativeBackendOrNull(), Secp256k1.fallbackBackend()}) {
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, UInt256.ZERO, GETH_S));
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, GETH_R, UInt256.ZERO));
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, Secp256k1.N, GETH_S));
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, GETH_R, Secp256k1.N));
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, UInt256.MAX, GETH_S));
      assertNull(Secp256k1.recoverAddress(backend, GETH_HASH, 1, GETH_R, UInt256.MAX));
    }
  }

  @Test
  void acceptsHighS() {
    // No EIP-2 rule here: (r, N - s) with the other parity recovers the same signer.
    UInt256 highS = Secp256k1.N.subtract(GETH_S);
    assertTrue(highS.compareTo(Secp256k1.HALF_N) > 0);
    assertEquals(GETH_SIGNER, Secp256k1.recoverAddress(GETH_HASH, 0, GETH_R, highS));
  }

  @Test
  void rejectsRecoveryIdOutsideZeroOne() {
    assertNull(Secp256k1.recoverAddress(GETH_HASH, 2, GETH_R, GETH_S));
    assertNull(Secp256k1.recoverAddress(GETH_HASH, 3, GETH_R, GETH_S));
    assertNull(Secp256k1.recoverAddress(GETH_HASH, -1, GETH_R, GETH_S));
    assertNull(Secp256k1.recoverAddress(GETH_HASH, 27, GETH_R, GETH_S));
  }

  @Test
  void rejectsMalformedHashAndKeys() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Secp256k1.recoverAddress(new byte[31], 0, GETH_R, GETH_S));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(Secp256k1.N.toBytes()));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.sign(GETH_HASH, new byte[32]));
    assertThrows(
        IllegalArgumentException.class, () -> Secp256k1.sign(new byte[33], UInt256.ONE.toBytes()));
  }

  @Test
  void constantsMatchCurveOrder() {
    BigInteger n = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    assertEquals(n, Secp256k1.N.toBigInteger());
    assertEquals(n.shiftRight(1), Secp256k1.HALF_N.toBigInteger());
  }
}
