package dev.estiba.run.chroot;

import static dev.estiba.run.Shell.quote;

import dev.estiba.run.BoundFile;
import dev.estiba.run.MountSpec;
import dev.estiba.run.ProcessSpec;
import dev.estiba.run.SecurityMode;
import dev.estiba.run.Shell;
import dev.estiba.run.StepContext;
import dev.estiba.run.oci.KernelDefaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The setup script the chroot backend runs inside its fresh namespaces: mount the root and the
 * kernel file systems, bind the {@code /etc} files and the step's mounts, mask kernel paths, join
 * the cgroup, then drop to the step's user and capabilities and exec the process chrooted.
 *
 * <p>Its own errors go to {@code setup.err}; it touches {@code ready} just before the exec, so the
 * runner can tell a setup failure from the process's exit code.
 */
final class ChrootScript {
  static final String SETUP_ERRORS = "setup.err";
  static final String READY = "ready";

  /**
   * Host programs the final exec chain needs, by absolute path.
   *
   * @param script util-linux {@code script}, which makes the pty of a terminal step; null when absent
   */
  record Tools(Path env, Path setpriv, Path unshare, Path script) {}

  private ChrootScript() {}

  static String render(StepContext context, Tools tools, boolean loopbackUp) {
    ProcessSpec process = context.spec().process();
    boolean sandbox = context.spec().security() == SecurityMode.SANDBOX;
    StringBuilder s = new StringBuilder();
    s.append("exec 3>&2 2>>").append(quote(context.dir().resolve(SETUP_ERRORS).toString())).append('\n');
    s.append("fail() { echo \"$*\" >&2; exit 125; }\n");
    s.append("R=").append(quote(context.root().toString())).append('\n');
    // Resolves a container path under $R, refusing one whose symlinks lead out of the root.
    s.append("inside() { p=$(realpath -m -- \"$R$1\") || fail \"cannot resolve $1\";"
        + " case \"$p\" in \"$R\"|\"$R\"/*) printf '%s' \"$p\" ;;"
        + " *) fail \"$1 resolves outside the root file system\" ;; esac; }\n");
    if (!context.overlayOptions().isEmpty()) {
      s.append("mount -t overlay overlay -o ").append(quote(context.overlayOptions()))
          .append(" \"$R\" || fail \"cannot mount the overlay root file system\"\n");
    }
    kernelMounts(s);
    for (BoundFile file : context.etcFiles()) {
      // A symlinked /etc/hosts stays the image's; binding through it could leave the root.
      s.append("t=\"$R\"").append(quote(file.target())).append("; if [ ! -L \"$t\" ]; then")
          .append(" mkdir -p \"${t%/*}\"; [ -e \"$t\" ] || : > \"$t\";")
          .append(" mount --bind ").append(quote(file.source().toString())).append(" \"$t\"")
          .append(" && mount -o remount,bind,ro \"$t\" || fail \"cannot bind ").append(file.target())
          .append("\"; fi\n");
    }
    userMounts(s, context.spec().mounts());
    if (sandbox) {
      for (String path : KernelDefaults.MASKED_PATHS) {
        s.append("t=\"$R\"").append(quote(path)).append("; if [ -d \"$t\" ]; then mount -t tmpfs -o ro,size=0 tmpfs \"$t\";")
            .append(" elif [ -e \"$t\" ]; then mount --bind /dev/null \"$t\"; fi\n");
      }
      for (String path : KernelDefaults.READONLY_PATHS) {
        s.append("t=\"$R\"").append(quote(path)).append("; if [ -e \"$t\" ]; then mount --bind \"$t\" \"$t\"")
            .append(" && mount -o remount,bind,ro \"$t\"; fi\n");
      }
    }
    s.append("printf '%s' ").append(quote(process.hostname()))
        .append(" > /proc/sys/kernel/hostname || fail \"cannot set the host name\"\n");
    if (loopbackUp) {
      s.append("ip link set lo up || fail \"cannot bring up the loopback interface\"\n");
    }
    for (Path procs : context.cgroupProcs()) {
      s.append("echo 0 > ").append(quote(procs.toString()))
          .append(" || fail \"cannot join the step's cgroup ").append(procs.getParent()).append("\"\n");
    }
    s.append("w=$(inside ").append(quote(process.cwd())).append(") || exit 125; mkdir -p \"$w\" || fail \"cannot create the working directory\"\n");
    if (process.terminal()) {
      // script (from the host) opens /dev/ptmx; in this mount namespace that is the container's devpts,
      // so the process's terminal is the container's /dev/pts/0, as docker's is.
      s.append("t=$(inside /dev) || exit 125; mount --bind \"$t/pts\" /dev/pts")
          .append(" && mount --bind \"$t/pts/ptmx\" /dev/ptmx || fail \"cannot make the terminal\"\n");
    }
    s.append(": > ").append(quote(context.dir().resolve(READY).toString())).append('\n');
    s.append("exec 2>&3 3>&-\n");
    if (process.terminal()) {
      // script runs the command through a new sh, which reads $R from the environment (env -i drops it after).
      s.append("export R; exec ").append(quote(tools.env().toString())).append(" SHELL=/bin/sh ")
          .append(quote(tools.script().toString()))
          .append(" -qefc ").append(quote(finalCommand(process, sandbox, tools))).append(" /dev/null\n");
    } else {
      s.append("exec ").append(finalCommand(process, sandbox, tools)).append('\n');
    }
    return s.toString();
  }

  private static void kernelMounts(StringBuilder s) {
    s.append("t=$(inside /proc) || exit 125; mkdir -p \"$t\" && mount -t proc -o nosuid,nodev,noexec proc \"$t\" || fail \"cannot mount /proc\"\n");
    s.append("t=$(inside /dev) || exit 125; mkdir -p \"$t\" && mount -t tmpfs -o nosuid,strictatime,mode=755,size=65536k tmpfs \"$t\" || fail \"cannot mount /dev\"\n");
    for (String device : KernelDefaults.DEVICES) {
      s.append(": > \"$t/").append(device).append("\" && mount --bind /dev/").append(device)
          .append(" \"$t/").append(device).append("\" || fail \"cannot bind /dev/").append(device).append("\"\n");
    }
    s.append("ln -s /proc/self/fd \"$t/fd\"; ln -s /proc/self/fd/0 \"$t/stdin\";"
        + " ln -s /proc/self/fd/1 \"$t/stdout\"; ln -s /proc/self/fd/2 \"$t/stderr\"\n");
    s.append("mkdir -p \"$t/pts\" \"$t/shm\" && ln -s pts/ptmx \"$t/ptmx\"\n");
    s.append("mount -t devpts -o nosuid,noexec,newinstance,ptmxmode=0666,mode=0620 devpts \"$t/pts\" || fail \"cannot mount /dev/pts\"\n");
    s.append("mount -t tmpfs -o nosuid,noexec,nodev,mode=1777,size=65536k shm \"$t/shm\" || fail \"cannot mount /dev/shm\"\n");
    s.append("t=$(inside /sys) || exit 125; mkdir -p \"$t\" && { mount -t sysfs -o ro,nosuid,nodev,noexec sysfs \"$t\""
        + " || { mount --rbind /sys \"$t\" && mount -o remount,bind,ro \"$t\"; }; } || fail \"cannot mount /sys\"\n");
  }

  private static void userMounts(StringBuilder s, List<MountSpec> mounts) {
    List<MountSpec> sorted = new ArrayList<>(mounts);
    sorted.sort(Comparator.comparingInt((MountSpec m) -> (int) m.target().chars().filter(c -> c == '/').count()));
    for (MountSpec m : sorted) {
      s.append("t=$(inside ").append(quote(m.target())).append(") || exit 125\n");
      if (m instanceof MountSpec.Tmpfs tmpfs) {
        String size = tmpfs.sizeBytes() > 0 ? ",size=" + tmpfs.sizeBytes() : "";
        s.append("mkdir -p \"$t\" && mount -t tmpfs -o nosuid,nodev,mode=1777").append(size)
            .append(" tmpfs \"$t\" || fail \"cannot mount tmpfs on ").append(m.target()).append("\"\n");
      } else {
        Path source = m instanceof MountSpec.Bind bind ? bind.source() : ((MountSpec.Cache) m).directory();
        boolean readOnly = m instanceof MountSpec.Bind bind && bind.readOnly();
        s.append("if [ -d ").append(quote(source.toString())).append(" ]; then mkdir -p \"$t\";")
            .append(" else mkdir -p \"${t%/*}\"; [ -e \"$t\" ] || : > \"$t\"; fi\n");
        s.append("mount --rbind ").append(quote(source.toString())).append(" \"$t\"");
        if (readOnly) {
          s.append(" && mount -o remount,bind,ro \"$t\"");
        }
        s.append(" || fail \"cannot bind ").append(source).append(" on ").append(m.target()).append("\"\n");
      }
    }
  }

  /** env -i (exactly the step's environment), setpriv (groups, capabilities), unshare --root. */
  private static String finalCommand(ProcessSpec process, boolean sandbox, Tools tools) {
    List<String> words = new ArrayList<>();
    words.add(tools.env().toString());
    words.add("-i");
    words.addAll(process.env());
    words.add(tools.setpriv().toString());
    if (sandbox) {
      words.add("--nnp");
      words.add("--bounding-set");
      words.add("-all," + KernelDefaults.DOCKER_CAPABILITIES.stream()
          .map(c -> "+" + c.substring("CAP_".length()).toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(",")));
    }
    words.add("--regid");
    words.add(Integer.toString(process.gid()));
    if (process.additionalGids().isEmpty()) {
      words.add("--clear-groups");
    } else {
      words.add("--groups");
      words.add(process.additionalGids().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    words.add("--");
    words.add(tools.unshare().toString());
    words.add("--wd=" + process.cwd());
    if (process.uid() != 0) {
      words.add("--setuid");
      words.add(Integer.toString(process.uid()));
    }
    String before = words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    String after = process.args().stream().map(Shell::quote).collect(Collectors.joining(" "));
    return before + " --root=\"$R\" -- " + after;
  }
}
