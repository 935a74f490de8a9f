package dev.estiba.run.chroot;

import dev.estiba.run.Backend;
import dev.estiba.run.Executables;
import dev.estiba.run.Isolation;
import dev.estiba.run.RunException;
import dev.estiba.run.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Built-in isolation for a machine without an OCI runtime, like buildah's chroot isolation:
 * util-linux {@code unshare} gives the step new mount, PID, UTS and IPC namespaces (a network
 * namespace for {@code --network=none}), a generated setup script
 * mounts its root, and {@code setpriv} plus {@code unshare --root} drop it into a chroot as its user.
 */
public final class ChrootBackend implements Backend {
  private final Optional<Path> unshare = Executables.find("unshare");
  private final Optional<Path> setpriv = Executables.find("setpriv");
  private final Optional<Path> env = Executables.find("env");
  private final Optional<Path> ip = Executables.find("ip");
  private final boolean root;

  public ChrootBackend(boolean root) {
    this.root = root;
  }

  @Override
  public Isolation isolation() {
    return Isolation.CHROOT;
  }

  @Override
  public Optional<String> unavailableReason() {
    List<String> missing = new ArrayList<>();
    unshare.ifPresentOrElse(p -> { }, () -> missing.add("unshare"));
    setpriv.ifPresentOrElse(p -> { }, () -> missing.add("setpriv"));
    env.ifPresentOrElse(p -> { }, () -> missing.add("env"));
    if (!missing.isEmpty()) {
      return Optional.of("the chroot isolation needs " + String.join(", ", missing)
          + " (Debian: apt-get install util-linux coreutils)");
    }
    if (!root) {
      return Optional.of("the chroot isolation needs root in this version: rootless steps (a user"
          + " namespace, overlayfs with userxattr, owners mapped back to root) are not done yet; run"
          + " estiba as root");
    }
    return Optional.empty();
  }

  @Override
  public boolean joinsCgroupItself() {
    return true;
  }

  @Override
  public List<String> command(StepContext context) throws IOException {
    boolean isolatedNetwork = context.spec().network().isolated();
    String script =
        ChrootScript.render(
            context,
            new ChrootScript.Tools(env.orElseThrow(), setpriv.orElseThrow(), unshare.orElseThrow(),
                terminalMaker(context)),
            isolatedNetwork && ip.isPresent());
    Path file = context.dir().resolve("setup.sh");
    Files.writeString(file, script);
    List<String> command = new ArrayList<>();
    command.add(unshare.orElseThrow().toString());
    command.addAll(
        List.of("--mount", "--propagation", "private", "--uts", "--ipc", "--pid", "--fork", "--kill-child"));
    if (isolatedNetwork) {
      command.add("--net");
    }
    command.addAll(List.of("--", "/bin/sh", file.toString()));
    return command;
  }

  /** util-linux script for a terminal step (null otherwise); a terminal step without it cannot run. */
  private static Path terminalMaker(StepContext context) {
    if (!context.spec().process().terminal()) {
      return null;
    }
    return Executables.find("script").orElseThrow(() -> new RunException(
        "the chroot isolation needs util-linux script for a terminal (-t) (Debian: apt-get install bsdutils)"));
  }

  @Override
  public Optional<String> setupFailure(StepContext context, int exitCode) throws IOException {
    if (Files.exists(context.dir().resolve(ChrootScript.READY))) {
      return Optional.empty();
    }
    Path errors = context.dir().resolve(ChrootScript.SETUP_ERRORS);
    String detail = Files.isRegularFile(errors) ? Files.readString(errors).strip() : "";
    return Optional.of(
        "the chroot isolation could not set up the step (exit code " + exitCode + ")"
            + (detail.isEmpty() ? "" : ": " + detail.replace('\n', ';')));
  }

  @Override
  public void stop(StepContext context) {
    // Killing the started unshare is enough: --kill-child takes the namespace's init with it.
  }
}
