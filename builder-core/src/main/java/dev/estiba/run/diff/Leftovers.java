package dev.estiba.run.diff;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paths where a runtime mounts something into the root file system. When such a path did not exist
 * in the lower layers, the runtime creates an empty directory or file there to mount on; that
 * mount point is an artefact of running, not a change the step made.
 */
public final class Leftovers {
  /** What every backend mounts: kernel file systems and the files bound into {@code /etc}. */
  public static final List<String> STANDARD =
      List.of(
          "proc",
          "dev",
          "dev/pts",
          "dev/shm",
          "dev/mqueue",
          "sys",
          "sys/fs/cgroup",
          "etc/hosts",
          "etc/resolv.conf",
          "etc/hostname",
          "run/secrets");

  private final Set<String> targets;

  private Leftovers(Set<String> targets) {
    this.targets = targets;
  }

  /** The standard mount points plus the step's own mount targets (absolute container paths). */
  public static Leftovers of(List<String> extraTargets) {
    Set<String> all = new TreeSet<>(STANDARD);
    for (String target : extraTargets) {
      String relative = trimSlashes(target);
      if (!relative.isEmpty()) {
        all.add(relative);
      }
    }
    return new Leftovers(all);
  }

  /** Whether a runtime may have created {@code relative} as a mount point. */
  public boolean isMountPoint(String relative) {
    return targets.contains(relative);
  }

  /** Whether {@code relative} is a directory above some mount point (created or touched for it). */
  public boolean isAboveMountPoint(String relative) {
    String prefix = relative + "/";
    for (String target : targets) {
      if (target.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
