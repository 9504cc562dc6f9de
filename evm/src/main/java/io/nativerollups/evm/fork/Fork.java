package io.nativerollups.evm.fork;

import java.util.Locale;

/** The forks whose rules this EVM implements, oldest first. */
public enum Fork {
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  private final String displayName;

  Fork(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  /** Parses a fork name as fixtures spell it ("Cancun", "Prague", "Osaka"), case-insensitively. */
  public static Fork fromName(String name) {
    for (Fork f : values()) {
      if (f.displayName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown fork '" + name + "' (supported: Cancun, Prague, Osaka)");
  }
}
