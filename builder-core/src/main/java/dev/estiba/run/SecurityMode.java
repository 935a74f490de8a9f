package dev.estiba.run;

/** {@code RUN --security}: the sandbox, or everything a root process on the host may do. */
public enum SecurityMode {
  /** Docker's default capabilities, no new privileges, masked and read-only kernel paths. */
  SANDBOX,
  /** All capabilities, nothing masked ({@code --security=insecure}, needs the caller's consent). */
  INSECURE
}
