package dev.estiba.run.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.run.LimitUnsupportedException;
import dev.estiba.run.ResourceLimits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupsTest {
  private static final List<String> HYBRID =
      List.of(
          "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
          "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
          "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
          "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd",
          "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

  @Test
  void hybridHost() {
    Cgroups cgroups = Cgroups.parse(HYBRID);
    assertEquals(true, cgroups.hybrid());
    assertEquals(Path.of("/sys/fs/cgroup/memory"), cgroups.hierarchyOf("memory"));
    assertEquals(Path.of("/sys/fs/cgroup/pids"), cgroups.hierarchyOf("pids"));
    assertEquals(
        List.of(Path.of("/sys/fs/cgroup/memory"), Path.of("/sys/fs/cgroup/pids"),
            Path.of("/sys/fs/cgroup/systemd"), Path.of("/sys/fs/cgroup/unified")),
        cgroups.hierarchies());
  }

  @Test
  void noCgroupsRefusesLimitsPlainly() {
    Cgroups none = Cgroups.parse(List.of("22 27 0:21 / /proc rw,relatime - proc proc rw"));
    assertEquals(false, none.hybrid());
    LimitUnsupportedException e =
        assertThrows(LimitUnsupportedException.class, () -> none.requireSupported(new ResourceLimits(1 << 20, 0, 10)));
    assertEquals(
        "cannot set limit: --memory needs the 'memory' cgroup controller, which this host does not mount"
            + " (neither cgroup v1 nor v2); --pids-limit needs the 'pids' cgroup controller, which this"
            + " host does not mount (neither cgroup v1 nor v2)",
        e.getMessage());
  }
}
