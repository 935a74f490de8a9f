package dev.estiba.run;

import java.util.Locale;

/** {@code --isolation}: which backend runs the steps. */
public enum Isolation {
  /** runc if installed, else crun, else chroot. */
  AUTO,
  RUNC,
  CRUN,
  /** util-linux {@code unshare} namespaces plus chroot, for a machine with no OCI runtime. */
  CHROOT;

  /** Parses {@code auto}, {@code runc}, {@code crun} or {@code chroot}. */
  public static Isolation parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown isolation '" + text + "' (expected auto, runc, crun or chroot)", e);
    }
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
