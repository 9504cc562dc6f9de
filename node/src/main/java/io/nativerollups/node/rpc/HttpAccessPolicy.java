package io.nativerollups.node.rpc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browsers and host names may use a server: the {@code Host} header must name an allowed
 * host (DNS-rebinding protection; by default only the loopback names), and a request carrying an
 * {@code Origin} header must come from an allowed CORS origin (none by default). {@code "*"}
 * allows any.
 */
public final class HttpAccessPolicy {
  /** Host names accepted when none are configured: the loopback ones. */
  public static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "::1");

  private final Set<String> hosts;
  private final Set<String> origins;

  /**
   * @param hostAllowlist host names (no port) the {@code Host} header may carry; "*" for any
   * @param corsOrigins origins ({@code scheme://host[:port]}) browsers may call from; "*" for any
   */
  public HttpAccessPolicy(List<String> hostAllowlist, List<String> corsOrigins) {
    this.hosts = hostAllowlist.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.origins = corsOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a request for this host name (the Host header without its port; null when absent) may be served. */
  public boolean hostAllowed(String host) {
    if (hosts.contains("*")) {
      return true;
    }
    if (host == null || host.isEmpty()) {
      return false;
    }
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return hosts.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a request with this {@code Origin} header (null when absent: not a browser) may be served. */
  public boolean originAllowed(String origin) {
    return origin == null || origins.contains("*") || origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /** Whether CORS response headers are to be sent at all. */
  public boolean corsEnabled() {
    return !origins.isEmpty();
  }
}
