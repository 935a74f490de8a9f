package dev.estiba.run;

import dev.estiba.run.cgroup.CgroupScope;
import dev.estiba.run.state.StepDir;
import java.nio.file.Path;
import java.util.List;

/**
 * One step as a backend sees it, everything resolved.
 *
 * @param dir the step's state directory (bundle, scripts, logs)
 * @param spec what to run
 * @param root the directory that becomes {@code /}
 * @param overlayOptions the overlay mount options to mount on {@code root} in the step's own mount
 *     namespace, or empty when {@code root} is used as it is
 * @param etcFiles files bound over {@code /etc} entries
 * @param cgroup the step's cgroup scope
 * @param cgroupProcs the {@code cgroup.procs} files the step must join itself (chroot backend)
 */
public record StepContext(
    StepDir dir,
    RunSpec spec,
    Path root,
    String overlayOptions,
    List<BoundFile> etcFiles,
    CgroupScope cgroup,
    List<Path> cgroupProcs) {

  public String id() {
    return dir.id();
  }
}
