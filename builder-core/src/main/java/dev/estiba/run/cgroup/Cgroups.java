package dev.estiba.run.cgroup;

import dev.estiba.run.LimitUnsupportedException;
import dev.estiba.run.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's cgroup file systems, read from {@code /proc/self/mountinfo}: v1 hierarchies (one per
 * controller), the v2 unified hierarchy, or both (a hybrid host).
 */
public final class Cgroups {
  private final Map<String, Path> v1ByController;
  private final Path unified;
  private final List<Path> allHierarchies;

  Cgroups(Map<String, Path> v1ByController, Path unified, List<Path> allHierarchies) {
    this.v1ByController = Map.copyOf(v1ByController);
    this.unified = unified;
    this.allHierarchies = List.copyOf(allHierarchies);
  }

  /** Reads this host's cgroup mounts. */
  public static Cgroups detect() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return new Cgroups(Map.of(), null, List.of());
    }
  }

  /** Parses mountinfo lines (proc(5)). */
  static Cgroups parse(List<String> mountinfo) {
    Map<String, Path> v1 = new LinkedHashMap<>();
    Path unified = null;
    List<Path> all = new ArrayList<>();
    for (String line : mountinfo) {
      String[] halves = line.split(" - ", 2);
      if (halves.length < 2) {
        continue;
      }
      String[] left = halves[0].split(" ");
      String[] right = halves[1].split(" ");
      if (left.length < 5 || right.length < 3) {
        continue;
      }
      Path mountPoint = Path.of(left[4]);
      if (right[0].equals("cgroup2")) {
        unified = mountPoint;
        all.add(mountPoint);
      } else if (right[0].equals("cgroup")) {
        all.add(mountPoint);
        for (String option : right[2].split(",")) {
          if (!option.equals("rw") && !option.equals("ro") && !option.contains("=")) {
            v1.putIfAbsent(option, mountPoint);
          }
        }
      }
    }
    return new Cgroups(v1, unified, all);
  }

  /** Both v1 controllers and a v2 hierarchy mounted: crun refuses to run here. */
  public boolean hybrid() {
    return !v1ByController.isEmpty() && unified != null;
  }

  /** Where {@code controller} lives: its v1 hierarchy, else the unified one if it has it, or null. */
  public Path hierarchyOf(String controller) {
    Path v1 = v1ByController.get(controller);
    if (v1 != null) {
      return v1;
    }
    if (unified != null) {
      try {
        String controllers = Files.readString(unified.resolve("cgroup.controllers"));
        if (List.of(controllers.trim().split(" ")).contains(controller)) {
          return unified;
        }
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  boolean isV1(Path hierarchy) {
    return v1ByController.containsValue(hierarchy);
  }

  /** Every mounted hierarchy; a runtime creates the step's cgroup in each of them. */
  List<Path> hierarchies() {
    return allHierarchies;
  }

  /**
   * Checks that every requested limit can be set here; the message says which cannot and why,
   * since a silently ignored limit is worse than an error.
   */
  public void requireSupported(ResourceLimits limits) {
    List<String> missing = new ArrayList<>();
    if (limits.memoryBytes() > 0) {
      check("memory", "--memory", missing);
    }
    if (limits.cpus() > 0) {
      check("cpu", "--cpus", missing);
    }
    if (limits.pids() > 0) {
      check("pids", "--pids-limit", missing);
    }
    if (!missing.isEmpty()) {
      throw new LimitUnsupportedException("cannot set limit: " + String.join("; ", missing));
    }
  }

  private void check(String controller, String flag, List<String> missing) {
    Path hierarchy = hierarchyOf(controller);
    if (hierarchy == null) {
      missing.add(flag + " needs the '" + controller
          + "' cgroup controller, which this host does not mount (neither cgroup v1 nor v2)");
    } else if (!Files.isWritable(hierarchy)) {
      missing.add(flag + " needs write access to " + hierarchy
          + " (run as root, or delegate a cgroup to this user)");
    }
  }

  /** The scope for one step ({@code /estiba/<id>} in every hierarchy); nothing is created yet. */
  public CgroupScope scope(String id) {
    return new CgroupScope(this, "estiba/" + id);
  }
}
