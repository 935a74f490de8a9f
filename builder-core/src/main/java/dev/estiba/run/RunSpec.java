package dev.estiba.run;

import dev.estiba.run.rootfs.RootFs;
import java.util.List;
import java.util.Objects;

/**
 * Everything one step needs to run: where its root file system comes from, the process, extra
 * mounts, the network and security modes and the resource limits.
 */
public record RunSpec(
    RootFs rootFs,
    ProcessSpec process,
    List<MountSpec> mounts,
    NetworkMode network,
    SecurityMode security,
    ResourceLimits limits) {

  public RunSpec {
    Objects.requireNonNull(rootFs, "rootFs");
    Objects.requireNonNull(process, "process");
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(limits, "limits");
  }

  /** A sandboxed step with no extra mounts, no network and no limits. */
  public static RunSpec of(RootFs rootFs, ProcessSpec process) {
    return new RunSpec(
        rootFs, process, List.of(), NetworkMode.NONE, SecurityMode.SANDBOX, ResourceLimits.NONE);
  }

  public RunSpec withMounts(List<MountSpec> newMounts) {
    return new RunSpec(rootFs, process, newMounts, network, security, limits);
  }

  public RunSpec withNetwork(NetworkMode newNetwork) {
    return new RunSpec(rootFs, process, mounts, newNetwork, security, limits);
  }

  public RunSpec withSecurity(SecurityMode newSecurity) {
    return new RunSpec(rootFs, process, mounts, network, newSecurity, limits);
  }

  public RunSpec withLimits(ResourceLimits newLimits) {
    return new RunSpec(rootFs, process, mounts, network, security, newLimits);
  }
}
