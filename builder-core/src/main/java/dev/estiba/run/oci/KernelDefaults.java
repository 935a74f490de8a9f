package dev.estiba.run.oci;

import java.util.List;

/** Docker's default sandbox, shared by the OCI backends and the chroot backend. */
public final class KernelDefaults {
  /** Docker's default capability set (moby oci/caps/defaults.go). */
  public static final List<String> DOCKER_CAPABILITIES =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FSETID",
          "CAP_FOWNER",
          "CAP_MKNOD",
          "CAP_NET_RAW",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETFCAP",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_KILL",
          "CAP_AUDIT_WRITE");

  /** Every capability up to Linux 5.9, for {@code --security=insecure}. */
  public static final List<String> ALL_CAPABILITIES =
      List.of(
          "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
          "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
          "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
          "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
          "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

  /**
   * What {@code --security=insecure} grants: every capability this process may hand on (its {@code CapBnd});
   * asking the runtime for one outside that set fails the step ("unable to apply caps").
   */
  public static List<String> insecureCapabilities() {
    long mask = -1L;
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("CapBnd:")) {
          mask = Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16);
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      mask = -1L; // not Linux or unreadable: ask for everything and let the runtime say
    }
    return held(ALL_CAPABILITIES, mask);
  }

  /** The capabilities whose kernel number (their place in {@link #ALL_CAPABILITIES}) is set in {@code mask}. */
  static List<String> held(List<String> all, long mask) {
    List<String> out = new java.util.ArrayList<>();
    for (int bit = 0; bit < all.size(); bit++) {
      if ((mask & (1L << bit)) != 0) {
        out.add(all.get(bit));
      }
    }
    return List.copyOf(out);
  }

  /** Kernel paths hidden from the step, as Docker hides them. */
  public static final List<String> MASKED_PATHS =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  /** Kernel paths the step may read but not write. */
  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  /** Devices every container gets (runc creates them even when the spec names none). */
  public static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

  private KernelDefaults() {}
}
