package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
  private static final byte[] SECRET = new byte[32];
  private static final long NOW = 1_700_000_000L;
  private final JwtAuthenticator jwt = new JwtAuthenticator(SECRET, () -> NOW);

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void acceptsAnHs256TokenIssuedWithinSixtySeconds() {
    assertNull(jwt.rejection("Bearer " + jwt.token(NOW)));
    assertNull(jwt.rejection("Bearer " + jwt.token(NOW - 60)));
    assertNull(jwt.rejection("bearer " + jwt.token(NOW + 60)));
  }

  @Test
  void refusesStaleOrFutureTokens() {
    assertEquals("stale JWT: iat not within 60 seconds of now", jwt.rejection("Bearer " + jwt.token(NOW - 61)));
    assertEquals("stale JWT: iat not within 60 seconds of now", jwt.rejection("Bearer " + jwt.token(NOW + 61)));
  }

  @Test
  void refusesOtherAlgorithmsBadSignaturesAndMalformedTokens() {
    String unsigned = b64("{\"alg\":\"none\"}") + "." + b64("{\"iat\":" + NOW + "}") + ".";
    assertEquals("JWT algorithm must be HS256", jwt.rejection("Bearer " + unsigned));
    String token = jwt.token(NOW);
    String tampered = token.substring(0, token.lastIndexOf('.') + 1) + b64("not the signature");
    assertEquals("invalid JWT signature", jwt.rejection("Bearer " + tampered));
    String header = b64("{\"alg\":\"HS256\"}");
    String noIat = header + "." + b64("{\"id\":\"cl\"}");
    String signed = noIat + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        jwt.sign(noIat.getBytes(StandardCharsets.US_ASCII)));
    assertEquals("JWT has no iat claim", jwt.rejection("Bearer " + signed));
    assertEquals("missing Authorization header", jwt.rejection(null));
    assertEquals("Authorization is not a Bearer token", jwt.rejection("Basic abc"));
    assertEquals("malformed JWT", jwt.rejection("Bearer a.b"));
    assertEquals("malformed JWT", jwt.rejection("Bearer !!.??.**"));
    assertEquals("malformed JWT", jwt.rejection("Bearer " + b64("[1]") + "." + b64("{}") + "."));
  }

  @Test
  void readsHexSecretsAndCreatesOneWhenAbsent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwt.hex");
    byte[] created = JwtAuthenticator.readOrCreateSecret(file);
    assertEquals(32, created.length);
    assertArrayEquals(created, JwtAuthenticator.readSecret(file));
    assertArrayEquals(created, JwtAuthenticator.readOrCreateSecret(file));
    Files.writeString(dir.resolve("short.hex"), "0x1234");
    assertThrows(IllegalArgumentException.class, () -> JwtAuthenticator.readSecret(dir.resolve("short.hex")));
    Files.writeString(dir.resolve("nothex.hex"), "zz".repeat(32));
    assertThrows(IllegalArgumentException.class, () -> JwtAuthenticator.readSecret(dir.resolve("nothex.hex")));
    assertThrows(java.io.UncheckedIOException.class, () -> JwtAuthenticator.readSecret(dir.resolve("missing.hex")));
    assertThrows(IllegalArgumentException.class, () -> new JwtAuthenticator(new byte[31]));
  }
}
