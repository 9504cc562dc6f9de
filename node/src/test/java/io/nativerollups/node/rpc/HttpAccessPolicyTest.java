package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAccessPolicyTest {
  @Test
  void loopbackNamesOnlyByDefault() {
    HttpAccessPolicy p = new HttpAccessPolicy(HttpAccessPolicy.LOOPBACK_HOSTS, List.of());
    assertTrue(p.hostAllowed("localhost"));
    assertTrue(p.hostAllowed("127.0.0.1"));
    assertTrue(p.hostAllowed("[::1]"));
    assertTrue(p.hostAllowed("LOCALHOST"));
    assertFalse(p.hostAllowed("attacker.example"));
    assertFalse(p.hostAllowed(null));
    assertFalse(p.corsEnabled());
    assertTrue(p.originAllowed(null), "non-browser clients send no Origin");
    assertFalse(p.originAllowed("http://localhost:3000"));
  }

  @Test
  void wildcardsAllowEverything() {
    HttpAccessPolicy p = new HttpAccessPolicy(List.of("*"), List.of("*"));
    assertTrue(p.hostAllowed("node.internal"));
    assertTrue(p.originAllowed("https://anything.example"));
    assertTrue(p.corsEnabled());
  }
}
