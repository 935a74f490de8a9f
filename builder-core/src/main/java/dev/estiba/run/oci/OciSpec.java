package dev.estiba.run.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.run.BoundFile;
import dev.estiba.run.MountSpec;
import dev.estiba.run.ProcessSpec;
import dev.estiba.run.ResourceLimits;
import dev.estiba.run.RunSpec;
import dev.estiba.run.SecurityMode;
import dev.estiba.run.cgroup.CpuQuota;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the OCI runtime spec ({@code config.json}, runtime-spec 1.0) for one step: Docker's
 * default sandbox, the standard kernel mounts, {@code /etc/hosts}, {@code /etc/resolv.conf} and
 * {@code /etc/hostname} bound read-only from outside the layer, and cgroup limits.
 */
public final class OciSpec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OciSpec() {}

  /**
   * @param root the root directory as the runtime sees it (the mounted overlay or a plain dir)
   * @param cgroupsPath the cgroup the runtime creates for the step
   */
  public static ObjectNode build(RunSpec spec, Path root, List<BoundFile> etcFiles, String cgroupsPath) {
    ObjectNode config = JSON.createObjectNode();
    config.put("ociVersion", "1.0.2");
    config.set("process", process(spec.process(), spec.security()));
    ObjectNode rootNode = config.putObject("root");
    rootNode.put("path", root.toString());
    rootNode.put("readonly", false);
    config.put("hostname", spec.process().hostname());
    config.set("mounts", mounts(spec, etcFiles));
    config.set("linux", linux(spec, cgroupsPath));
    return config;
  }

  private static ObjectNode process(ProcessSpec process, SecurityMode security) {
    ObjectNode node = JSON.createObjectNode();
    // runc run in the foreground makes the pty itself and copies between it and its own streams.
    node.put("terminal", process.terminal());
    ObjectNode user = node.putObject("user");
    user.put("uid", process.uid());
    user.put("gid", process.gid());
    if (!process.additionalGids().isEmpty()) {
      ArrayNode gids = user.putArray("additionalGids");
      process.additionalGids().forEach(gids::add);
    }
    strings(node.putArray("args"), process.args());
    strings(node.putArray("env"), process.env());
    node.put("cwd", process.cwd());
    List<String> caps =
        security == SecurityMode.INSECURE
            ? KernelDefaults.insecureCapabilities()
            : KernelDefaults.DOCKER_CAPABILITIES;
    ObjectNode capabilities = node.putObject("capabilities");
    strings(capabilities.putArray("bounding"), caps);
    // Like Docker: a non-root user keeps the bounding set but gets no effective capabilities.
    List<String> granted = process.uid() == 0 ? caps : List.of();
    strings(capabilities.putArray("effective"), granted);
    strings(capabilities.putArray("permitted"), granted);
    node.put("noNewPrivileges", security == SecurityMode.SANDBOX);
    return node;
  }

  private static ArrayNode mounts(RunSpec spec, List<BoundFile> etcFiles) {
    ArrayNode mounts = JSON.createArrayNode();
    mount(mounts, "/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
    mount(mounts, "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k"));
    mount(mounts, "/dev/pts", "devpts", "devpts",
        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
    mount(mounts, "/dev/shm", "tmpfs", "shm",
        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k"));
    mount(mounts, "/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev"));
    mount(mounts, "/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"));
    for (BoundFile file : etcFiles) {
      mount(mounts, file.target(), "bind", file.source().toString(), List.of("rbind", "ro"));
    }
    List<MountSpec> user = new ArrayList<>(spec.mounts());
    // Parents before children, so a mount inside another mount lands on top of it.
    user.sort(Comparator.comparingInt((MountSpec m) -> depth(m.target())));
    for (MountSpec m : user) {
      if (m instanceof MountSpec.Bind bind) {
        mount(mounts, bind.target(), "bind", bind.source().toString(),
            List.of("rbind", bind.readOnly() ? "ro" : "rw"));
      } else if (m instanceof MountSpec.Cache cache) {
        mount(mounts, cache.target(), "bind", cache.directory().toString(), List.of("rbind", "rw"));
      } else if (m instanceof MountSpec.Tmpfs tmpfs) {
        List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
        if (tmpfs.sizeBytes() > 0) {
          options.add("size=" + tmpfs.sizeBytes());
        }
        mount(mounts, tmpfs.target(), "tmpfs", "tmpfs", options);
      }
    }
    return mounts;
  }

  private static ObjectNode linux(RunSpec spec, String cgroupsPath) {
    ObjectNode linux = JSON.createObjectNode();
    ArrayNode namespaces = linux.putArray("namespaces");
    for (String type : List.of("pid", "ipc", "uts", "mount")) {
      namespaces.addObject().put("type", type);
    }
    if (spec.network().isolated()) {
      namespaces.addObject().put("type", "network");
    }
    linux.put("cgroupsPath", cgroupsPath);
    linux.set("resources", resources(spec.limits()));
    if (spec.security() == SecurityMode.SANDBOX) {
      strings(linux.putArray("maskedPaths"), KernelDefaults.MASKED_PATHS);
      strings(linux.putArray("readonlyPaths"), KernelDefaults.READONLY_PATHS);
    }
    return linux;
  }

  private static ObjectNode resources(ResourceLimits limits) {
    ObjectNode resources = JSON.createObjectNode();
    ObjectNode denyAll = resources.putArray("devices").addObject();
    denyAll.put("allow", false);
    denyAll.put("access", "rwm");
    if (limits.memoryBytes() > 0) {
      ObjectNode memory = resources.putObject("memory");
      memory.put("limit", limits.memoryBytes());
      // memory+swap equal to memory: the limit cannot be dodged by swapping.
      memory.put("swap", limits.memoryBytes());
    }
    if (limits.cpus() > 0) {
      ObjectNode cpu = resources.putObject("cpu");
      cpu.put("period", CpuQuota.PERIOD_MICROS);
      cpu.put("quota", CpuQuota.quotaMicros(limits.cpus()));
    }
    if (limits.pids() > 0) {
      resources.putObject("pids").put("limit", limits.pids());
    }
    return resources;
  }

  private static void mount(ArrayNode mounts, String target, String type, String source, List<String> options) {
    ObjectNode m = mounts.addObject();
    m.put("destination", target);
    m.put("type", type);
    m.put("source", source);
    strings(m.putArray("options"), options);
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  /** The JSON text as written to {@code config.json}. */
  public static String toJson(ObjectNode config) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
