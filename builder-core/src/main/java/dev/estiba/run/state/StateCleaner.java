package dev.estiba.run.state;

import dev.estiba.files.FileTrees;
import dev.estiba.run.cgroup.Cgroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Undoes one step's traces in the order that makes each next step safe: the process first, then the
 * runtime's container state, mounts, the cgroup, and last the directory (never while something is
 * still mounted inside it, so a bind-mounted host directory cannot be emptied).
 */
public final class StateCleaner {
  private StateCleaner() {}

  /** Cleans the step directory {@code dir}; returns problems left over (empty when all is gone). */
  public static List<String> clean(Path dir) {
    Properties state = StepDir.load(dir);
    String id = dir.getFileName().toString();
    killChild(state);
    String runtime = state.getProperty("runtime");
    String runtimeRoot = state.getProperty("runtime.root");
    // runc and crun keep a container's state in <root>/<id>/ and remove it when a foreground "run"
    // returns: two runtime processes saved on every step that ended normally.
    if (runtime != null && runtimeRoot != null && Files.isDirectory(Path.of(runtimeRoot, id))) {
      Commands.runQuietly(List.of(runtime, "--root", runtimeRoot, "kill", id, "KILL"));
      Commands.runQuietly(List.of(runtime, "--root", runtimeRoot, "delete", "--force", id));
    }
    List<Path> stillMounted = Mounts.unmountAll(dir);
    Cgroups.detect().scope(id).remove();
    if (!stillMounted.isEmpty()) {
      return List.of("still mounted, left in place: " + stillMounted);
    }
    try {
      FileTrees.deleteTree(dir);
    } catch (IOException e) {
      return List.of("cannot remove " + dir + ": " + e.getMessage());
    }
    return List.of();
  }

  private static void killChild(Properties state) {
    String pid = state.getProperty("child.pid");
    String start = state.getProperty("child.start");
    if (pid == null || start == null) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(pid));
    // The start time guards against a recycled pid belonging to someone else.
    handle
        .filter(h -> h.info().startInstant().map(Instant::toString).orElse("").equals(start))
        .ifPresent(
            h -> {
              h.destroyForcibly();
              try {
                h.onExit().get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                // Still dying; the mounts it holds are in its own namespace.
              }
            });
  }
}
