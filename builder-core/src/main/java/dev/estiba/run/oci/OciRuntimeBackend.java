package dev.estiba.run.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estiba.run.Backend;
import dev.estiba.run.Executables;
import dev.estiba.run.Isolation;
import dev.estiba.run.StepContext;
import dev.estiba.run.cgroup.Cgroups;
import dev.estiba.run.state.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * runc or crun, driven by a generated {@code config.json} per step. The overlay root is mounted in a
 * private mount namespace ({@code unshare --mount}) that the runtime inherits, so the mount dies
 * with the step however it ends.
 */
public final class OciRuntimeBackend implements Backend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Isolation isolation;
  private final String binaryName;
  private final Optional<Path> binary;
  private final Optional<Path> unshare;
  private final Cgroups cgroups;
  private final boolean root;

  public OciRuntimeBackend(Isolation isolation, Cgroups cgroups, boolean root) {
    if (isolation != Isolation.RUNC && isolation != Isolation.CRUN) {
      throw new IllegalArgumentException("not an OCI runtime: " + isolation);
    }
    this.isolation = isolation;
    this.binaryName = isolation.cliName();
    this.binary = Executables.find(binaryName);
    this.unshare = Executables.find("unshare");
    this.cgroups = cgroups;
    this.root = root;
  }

  @Override
  public Isolation isolation() {
    return isolation;
  }

  @Override
  public Optional<String> unavailableReason() {
    if (binary.isEmpty()) {
      return Optional.of(binaryName + " is not installed (Debian: apt-get install " + binaryName
          + "); use --isolation chroot, which needs only util-linux");
    }
    if (!root) {
      return Optional.of(binaryName + " needs root here: estiba does not generate rootless runtime"
          + " configurations yet; run estiba as root");
    }
    if (unshare.isEmpty()) {
      return Optional.of("util-linux unshare is not installed, needed to mount the step's overlay"
          + " root privately (apt-get install util-linux)");
    }
    if (isolation == Isolation.CRUN && cgroups.hybrid()) {
      return Optional.of("crun cannot run steps on this host: it refuses hybrid cgroup hosts (cgroup"
          + " v1 controllers plus a v2 mount; crun says 'cgroups in hybrid mode not supported, drop"
          + " all controllers from cgroupv2'); use --isolation runc or --isolation chroot");
    }
    return Optional.empty();
  }

  @Override
  public boolean joinsCgroupItself() {
    return false;
  }

  @Override
  public List<String> command(StepContext context) throws IOException {
    Path bundle = Files.createDirectories(context.dir().resolve("bundle"));
    String config =
        OciSpec.toJson(
            OciSpec.build(
                context.spec(), context.root(), context.etcFiles(), context.cgroup().runtimePath()));
    Files.writeString(bundle.resolve("config.json"), config);
    Path runtimeRoot = Files.createDirectories(context.dir().resolve("runtime"));
    context.dir().record("runtime", binary.orElseThrow().toString());
    context.dir().record("runtime.root", runtimeRoot.toString());
    List<String> command = new ArrayList<>();
    if (!context.overlayOptions().isEmpty()) {
      command.addAll(
          List.of(
              unshare.orElseThrow().toString(), "--mount", "--propagation", "private", "--",
              "/bin/sh", "-c",
              "mount -t overlay overlay -o \"$1\" \"$2\" 2>\"$3\" || exit 125; shift 3; exec \"$@\"",
              "estiba-overlay", context.overlayOptions(), context.root().toString(),
              mountErrors(context).toString()));
    }
    command.addAll(
        List.of(
            binary.orElseThrow().toString(),
            "--root", runtimeRoot.toString(),
            "--log", logFile(context).toString(),
            "--log-format", "json",
            "run", "--bundle", bundle.toString(), context.id()));
    return command;
  }

  @Override
  public Optional<String> setupFailure(StepContext context, int exitCode) throws IOException {
    if (exitCode == 0) {
      return Optional.empty();
    }
    List<String> errors = new ArrayList<>();
    Path log = logFile(context);
    if (Files.isRegularFile(log)) {
      for (String line : Files.readAllLines(log)) {
        errors.addAll(errorMessage(line));
      }
    }
    Path mountErrors = mountErrors(context);
    if (exitCode == 125 && Files.isRegularFile(mountErrors) && Files.size(mountErrors) > 0) {
      errors.add("cannot mount the overlay root file system: " + Files.readString(mountErrors).strip());
    }
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(binaryName + " could not start the step: " + String.join("; ", errors));
  }

  /** The message of a runtime log line at error level (runc and crun log JSON lines). */
  static List<String> errorMessage(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node != null && "error".equals(node.path("level").asText())) {
        return List.of(node.path("msg").asText());
      }
    } catch (IOException e) {
      return line.contains("error") ? List.of(line.strip()) : List.of();
    }
    return List.of();
  }

  @Override
  public void stop(StepContext context) {
    Path runtimeRoot = context.dir().resolve("runtime");
    Commands.runQuietly(
        List.of(binary.orElseThrow().toString(), "--root", runtimeRoot.toString(), "kill", context.id(), "KILL"));
  }

  private static Path mountErrors(StepContext context) {
    return context.dir().resolve("overlay-mount.err");
  }

  private static Path logFile(StepContext context) {
    return context.dir().resolve("runtime.log");
  }
}
