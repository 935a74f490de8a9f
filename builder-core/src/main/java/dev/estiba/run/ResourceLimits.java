package dev.estiba.run;

/**
 * cgroup limits for a step; 0 means no limit.
 *
 * @param memoryBytes memory (and memory+swap) limit
 * @param cpus CPU time in cores, e.g. 0.5
 * @param pids maximum number of processes and threads
 */
public record ResourceLimits(long memoryBytes, double cpus, long pids) {
  public static final ResourceLimits NONE = new ResourceLimits(0, 0, 0);

  public ResourceLimits {
    if (memoryBytes < 0 || cpus < 0 || pids < 0) {
      throw new IllegalArgumentException("resource limits must not be negative");
    }
  }

  public boolean any() {
    return memoryBytes > 0 || cpus > 0 || pids > 0;
  }
}
