package dev.estiba.run.cgroup;

import dev.estiba.run.LimitUnsupportedException;
import dev.estiba.run.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One step's cgroup, {@code /estiba/<id>} in each hierarchy. An OCI runtime makes its own cgroup
 * below it ({@link #runtimePath()}); the chroot backend joins the scope itself. Either way the
 * scope's out-of-memory kill counter covers the step, and {@link #remove()} takes it away.
 */
public final class CgroupScope {
  private final Cgroups cgroups;
  private final String relative;

  CgroupScope(Cgroups cgroups, String relative) {
    this.cgroups = cgroups;
    this.relative = relative;
  }

  /** The cgroupsPath to give a runtime: a child of this scope. */
  public String runtimePath() {
    return "/" + relative + "/step";
  }

  /** Creates the scope where the memory controller lives, so its OOM counter can be read. */
  public void create() throws IOException {
    Path memory = cgroups.hierarchyOf("memory");
    if (memory != null && Files.isWritable(memory)) {
      Files.createDirectories(memory.resolve(relative));
    }
  }

  /**
   * Creates the scope in each hierarchy holding a limited controller and writes the limits;
   * returns the {@code cgroup.procs} files a process must join.
   */
  public List<Path> createWithLimits(ResourceLimits limits) throws IOException {
    List<Path> procs = new ArrayList<>();
    if (limits.memoryBytes() > 0) {
      Path dir = prepare("memory", procs);
      if (cgroups.isV1(cgroups.hierarchyOf("memory"))) {
        write(dir, "memory.limit_in_bytes", Long.toString(limits.memoryBytes()));
        writeIfPresent(dir, "memory.memsw.limit_in_bytes", Long.toString(limits.memoryBytes()));
      } else {
        write(dir, "memory.max", Long.toString(limits.memoryBytes()));
        writeIfPresent(dir, "memory.swap.max", "0");
      }
    }
    if (limits.cpus() > 0) {
      Path dir = prepare("cpu", procs);
      long quota = CpuQuota.quotaMicros(limits.cpus());
      if (cgroups.isV1(cgroups.hierarchyOf("cpu"))) {
        write(dir, "cpu.cfs_period_us", Long.toString(CpuQuota.PERIOD_MICROS));
        write(dir, "cpu.cfs_quota_us", Long.toString(quota));
      } else {
        write(dir, "cpu.max", quota + " " + CpuQuota.PERIOD_MICROS);
      }
    }
    if (limits.pids() > 0) {
      Path dir = prepare("pids", procs);
      write(dir, "pids.max", Long.toString(limits.pids()));
    }
    return procs;
  }

  private Path prepare(String controller, List<Path> procs) throws IOException {
    Path hierarchy = cgroups.hierarchyOf(controller);
    if (hierarchy == null) {
      throw new LimitUnsupportedException(
          "cannot set limit: no '" + controller + "' cgroup controller on this host");
    }
    if (!cgroups.isV1(hierarchy)) {
      // v2: a controller must be enabled in each ancestor's subtree_control.
      Path estiba = hierarchy.resolve("estiba");
      Files.createDirectories(estiba);
      writeIfPresent(hierarchy, "cgroup.subtree_control", "+" + controller);
      writeIfPresent(estiba, "cgroup.subtree_control", "+" + controller);
    }
    Path dir = hierarchy.resolve(relative);
    Files.createDirectories(dir);
    Path file = dir.resolve("cgroup.procs");
    if (!procs.contains(file)) {
      procs.add(file);
    }
    return dir;
  }

  /**
   * How many processes the kernel killed for exceeding the memory limit, counted in this scope.
   * cgroup v1 counts a kill in the victim's own cgroup, so a victim in a runtime's child cgroup
   * shows up only in {@link #memoryLimitReached()}.
   */
  public long oomKills() {
    Path memory = cgroups.hierarchyOf("memory");
    if (memory == null) {
      return 0;
    }
    String file = cgroups.isV1(memory) ? "memory.oom_control" : "memory.events";
    return counter(memory.resolve(relative).resolve(file), "oom_kill");
  }

  /**
   * Whether the scope's memory use reached its limit: a failed charge ({@code failcnt}, v2 {@code
   * max} events) or a peak at the limit (this kernel does not count v1 failures of a parent whose
   * child did the charging, so the peak is what shows it).
   */
  public boolean memoryLimitReached() {
    Path memory = cgroups.hierarchyOf("memory");
    if (memory == null) {
      return false;
    }
    Path dir = memory.resolve(relative);
    if (cgroups.isV1(memory)) {
      long limit = number(dir.resolve("memory.limit_in_bytes"));
      return number(dir.resolve("memory.failcnt")) + number(dir.resolve("memory.memsw.failcnt")) > 0
          || number(dir.resolve("memory.max_usage_in_bytes")) >= limit
          || number(dir.resolve("memory.memsw.max_usage_in_bytes")) >= limit;
    }
    long limit = number(dir.resolve("memory.max"));
    return counter(dir.resolve("memory.events"), "max") > 0
        || (limit > 0 && number(dir.resolve("memory.peak")) >= limit);
  }

  private static long number(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static long counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key + " ")) {
          return Long.parseLong(line.substring(key.length() + 1).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** Removes the scope (and the runtime's child) from every hierarchy; empty cgroups only. */
  public void remove() {
    // The last processes may still be exiting (the runtime waits only for the step's init); kill
    // what is left in the scope, then give the kernel a moment before calling it busy.
    for (int attempt = 0; attempt < 200; attempt++) {
      killRemaining();
      for (Path hierarchy : cgroups.hierarchies()) {
        Path dir = hierarchy.resolve(relative);
        rmdir(dir.resolve("step"));
        rmdir(dir);
        // The shared parent goes when no other step uses it; a busy one stays.
        rmdir(dir.getParent());
      }
      if (!exists()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** SIGKILL to every process still in the scope or the runtime's child cgroup: all of them are the step's. */
  private void killRemaining() {
    for (Path hierarchy : cgroups.hierarchies()) {
      Path dir = hierarchy.resolve(relative);
      for (Path procs : List.of(dir.resolve("step").resolve("cgroup.procs"), dir.resolve("cgroup.procs"))) {
        try {
          for (String line : Files.readAllLines(procs)) {
            if (!line.isBlank()) {
              ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
          }
        } catch (IOException | NumberFormatException e) {
          // No such cgroup (any more): nothing to kill there.
        }
      }
    }
  }

  /** Whether anything of the scope is still there. */
  public boolean exists() {
    return cgroups.hierarchies().stream().anyMatch(h -> Files.isDirectory(h.resolve(relative)));
  }

  private static void rmdir(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Not empty or still busy: nothing more we can do here; the janitor retries.
    }
  }

  private static void write(Path dir, String file, String value) throws IOException {
    try {
      Files.writeString(dir.resolve(file), value);
    } catch (IOException e) {
      throw new LimitUnsupportedException(
          "cannot set limit: writing " + value + " to " + dir.resolve(file) + " failed: " + e.getMessage());
    }
  }

  private static void writeIfPresent(Path dir, String file, String value) {
    try {
      if (Files.exists(dir.resolve(file))) {
        Files.writeString(dir.resolve(file), value);
      }
    } catch (IOException e) {
      // Optional knobs (swap accounting, subtree delegation already done).
    }
  }
}
