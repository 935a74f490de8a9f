package dev.estiba.run.cgroup;

/** CFS bandwidth for {@code --cpus}: quota per period, as Docker computes it. */
public final class CpuQuota {
  public static final long PERIOD_MICROS = 100_000;

  private CpuQuota() {}

  public static long quotaMicros(double cpus) {
    return Math.max(1000, Math.round(cpus * PERIOD_MICROS));
  }
}
