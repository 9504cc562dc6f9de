package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RequestAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Engine API's authentication (execution-apis {@code authentication.md}): every HTTP request
 * and WebSocket handshake carries {@code Authorization: Bearer <JWT>}, a token signed with HS256
 * under the shared 256-bit secret whose {@code iat} claim is within 60 seconds of now. Any other
 * algorithm ({@code none} included), a bad signature, a missing or stale {@code iat} is refused.
 * Unknown claims are ignored.
 */
public final class JwtAuthenticator implements RequestAuthenticator {
  /** How far {@code iat} may be from the current time, in seconds. */
  public static final long MAX_CLOCK_SKEW_SECONDS = 60;
  private static final int SECRET_BYTES = 32;
  private static final String HMAC = "HmacSHA256";

  private final byte[] secret;
  private final LongSupplier nowSeconds;

  /** @param secret the 32-byte shared secret */
  public JwtAuthenticator(byte[] secret) {
    this(secret, () -> System.currentTimeMillis() / 1000);
  }

  /** @param nowSeconds the clock, in Unix seconds (tests move it) */
  public JwtAuthenticator(byte[] secret, LongSupplier nowSeconds) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("a JWT secret is 32 bytes, got " + secret.length);
    }
    this.secret = secret.clone();
    this.nowSeconds = nowSeconds;
  }

  @Override
  public String rejection(String authorization) {
    if (authorization == null) {
      return "missing Authorization header";
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "Authorization is not a Bearer token";
    }
    String[] parts = authorization.substring(7).trim().split("\\.", -1);
    if (parts.length != 3) {
      return "malformed JWT";
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      header = JsonRpcProcessor.MAPPER.readTree(b64.decode(parts[0]));
      claims = JsonRpcProcessor.MAPPER.readTree(b64.decode(parts[1]));
      signature = b64.decode(parts[2]);
    } catch (IllegalArgumentException | IOException e) {
      return "malformed JWT";
    }
    if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
      return "malformed JWT";
    }
    if (!"HS256".equals(header.path("alg").asText(null))) {
      return "JWT algorithm must be HS256";
    }
    byte[] expected = sign((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(expected, signature)) {
      return "invalid JWT signature";
    }
    JsonNode iat = claims.get("iat");
    if (iat == null || !iat.canConvertToLong()) {
      return "JWT has no iat claim";
    }
    if (Math.abs(nowSeconds.getAsLong() - iat.asLong()) > MAX_CLOCK_SKEW_SECONDS) {
      return "stale JWT: iat not within " + MAX_CLOCK_SKEW_SECONDS + " seconds of now";
    }
    return null;
  }

  /** HMAC-SHA256 of {@code message} under the secret. */
  byte[] sign(byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A token for {@code iat} (what a consensus client sends); for tests and tools driving a node. */
  public String token(long iat) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));
    String claims = b64.encodeToString(("{\"iat\":" + iat + "}").getBytes(StandardCharsets.US_ASCII));
    String signed = header + "." + claims;
    return signed + "." + b64.encodeToString(sign(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Reads a secret file: 64 hex digits, with or without {@code 0x}, surrounding whitespace ignored.
   *
   * @throws IllegalArgumentException if the file does not hold a 256-bit hex key
   * @throws UncheckedIOException if it cannot be read
   */
  public static byte[] readSecret(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JWT secret " + file, e);
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      text = text.substring(2);
    }
    if (text.length() != 2 * SECRET_BYTES) {
      throw new IllegalArgumentException("JWT secret " + file + " must hold 64 hex digits");
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT secret " + file + " is not hex");
    }
  }

  /**
   * The secret in {@code file}, or, when the file does not exist, a new random one written there
   * as hex (what the spec asks of a client started without a secret).
   */
  public static byte[] readOrCreateSecret(Path file) {
    if (Files.exists(file)) {
      return readSecret(file);
    }
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    try {
      Files.writeString(file, "0x" + HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JWT secret " + file, e);
    }
    return secret;
  }
}
