package dev.estiba.run;

import java.util.Locale;

/** How a step reaches the network. */
public enum NetworkMode {
  /** Its own network namespace with only the loopback interface. */
  NONE,
  /** The host's network namespace. */
  HOST,
  /**
   * The build default: the host's network, so package managers work without a bridge, a DHCP or
   * NAT setup that a daemonless builder has no one to own (BuildKit's and buildah's choice too).
   */
  DEFAULT;

  /** Parses {@code none}, {@code host} or {@code default}. */
  public static NetworkMode parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown network mode '" + text + "' (expected none, host or default)", e);
    }
  }

  /** Whether the step gets its own network namespace. */
  public boolean isolated() {
    return this == NONE;
  }
}
