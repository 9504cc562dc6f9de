package io.nativerollups.evm.tx;

import static io.nativerollups.evm.tx.TestTransactions.KEY;
import static io.nativerollups.evm.tx.TestTransactions.KEY_ADDRESS;
import static io.nativerollups.evm.tx.TestTransactions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import org.junit.jupiter.api.Test;

class AuthorizationSignerTest {
  private static final Address DELEGATE = Address.fromHex("0x2222222222222222222222222222222222222222");

  /** Vector from @ethereumjs/util 10 eoaCode7702SignAuthorization({chainId 1, 0x22..22, nonce 8}, 0x45..45). */
  @Test
  void signsAndHashesAsEthereumjsDoes() {
    assertEquals(
        "0xb0a8ace9db1281b5d8e904c1cacc433e9a650cd4e761576c675b7421141b5eec",
        hex(AuthorizationSigner.signingHash(UInt256.ONE, DELEGATE, 8)));
    Authorization auth = AuthorizationSigner.sign(UInt256.ONE, DELEGATE, 8, KEY);
    assertEquals(UInt256.ZERO, auth.yParity());
    assertEquals(
        UInt256.fromHexString("0x4a42ccd800769a77629411bdd1e9ae96e609aa7122df5e8d28c0fd744c89da6a"),
        auth.r());
    assertEquals(
        UInt256.fromHexString("0x418d2bab75e0eaf533393e3d2b2caa5248097bb4c11c694894d6da055f5b4e34"),
        auth.s());
    assertEquals(KEY_ADDRESS, AuthorizationSigner.recoverAuthority(auth));
  }

  @Test
  void recoversTheSignerForAnyChainIdAndNonce() {
    Authorization auth = AuthorizationSigner.sign(UInt256.ZERO, DELEGATE, -1L, KEY);
    assertEquals(KEY_ADDRESS, AuthorizationSigner.recoverAuthority(auth));
    Authorization otherNonce =
        new Authorization(auth.chainId(), DELEGATE, 5, auth.yParity(), auth.r(), auth.s());
    assertNotEquals(KEY_ADDRESS, AuthorizationSigner.recoverAuthority(otherNonce));
  }

  @Test
  void highSIsInvalidEvenThoughTheSignatureIsMathematicallyValid() {
    Authorization auth = AuthorizationSigner.sign(UInt256.ONE, DELEGATE, 8, KEY);
    UInt256 flippedParity = UInt256.ONE.subtract(auth.yParity());
    Authorization highS =
        new Authorization(
            UInt256.ONE, DELEGATE, 8, flippedParity, auth.r(), Secp256k1.N.subtract(auth.s()));
    assertNull(AuthorizationSigner.recoverAuthority(highS));
  }

  @Test
  void invalidSignatureValuesRecoverNoAuthority() {
    Authorization auth = AuthorizationSigner.sign(UInt256.ONE, DELEGATE, 8, KEY);
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, UInt256.valueOf(2), auth.r(), auth.s())));
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, UInt256.valueOf(255), auth.r(), auth.s())));
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, auth.yParity(), UInt256.ZERO, auth.s())));
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, auth.yParity(), auth.r(), UInt256.ZERO)));
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, auth.yParity(), Secp256k1.N, auth.s())));
    assertNull(AuthorizationSigner.recoverAuthority(withSignature(auth, auth.yParity(), UInt256.MAX, auth.s())));
    assertNull(
        AuthorizationSigner.recoverAuthority(
            withSignature(auth, auth.yParity(), TestTransactions.xWithoutCurvePoint(), auth.s())));
  }

  private static Authorization withSignature(Authorization a, UInt256 yParity, UInt256 r, UInt256 s) {
    return new Authorization(a.chainId(), a.address(), a.nonce(), yParity, r, s);
  }
}
