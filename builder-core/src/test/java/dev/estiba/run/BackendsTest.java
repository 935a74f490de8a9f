package dev.estiba.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.run.cgroup.Cgroups;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each backend says when it cannot work; no process is started. */
class BackendsTest {
  private static final Cgroups HYBRID = Cgroups.detect();

  @Test
  void withoutRootEveryBackendSaysWhy() {
    assumeTrue(Executables.find("runc").isPresent() && Executables.find("unshare").isPresent(),
        "runc and util-linux are needed to reach the root check");
    record Case(Isolation isolation, String message) {}
    for (Case c : List.of(
        new Case(Isolation.RUNC, "runc needs root here: estiba does not generate rootless runtime"
            + " configurations yet; run estiba as root"),
        new Case(Isolation.CHROOT, "the chroot isolation needs root in this version: rootless steps (a"
            + " user namespace, overlayfs with userxattr, owners mapped back to root) are not done yet;"
            + " run estiba as root"))) {
      BackendUnavailableException e =
          assertThrows(BackendUnavailableException.class, () -> Backends.select(c.isolation(), HYBRID, false));
      assertEquals(c.message(), e.getMessage());
    }
  }

  @Test
  void autoListsEveryReasonWhenNothingWorks() {
    assumeTrue(Executables.find("runc").isPresent() && Executables.find("crun").isPresent(),
        "runc and crun are needed for the full list");
    BackendUnavailableException e =
        assertThrows(BackendUnavailableException.class, () -> Backends.select(Isolation.AUTO, HYBRID, false));
    assertEquals(
        "no isolation backend works here: runc needs root here: estiba does not generate rootless runtime"
            + " configurations yet; run estiba as root; crun needs root here: estiba does not generate"
            + " rootless runtime configurations yet; run estiba as root; the chroot isolation needs root in"
            + " this version: rootless steps (a user namespace, overlayfs with userxattr, owners mapped back"
            + " to root) are not done yet; run estiba as root",
        e.getMessage());
  }

  @Test
  void parsingNamesTheChoices() {
    assertEquals(Isolation.CHROOT, Isolation.parse("Chroot"));
    assertEquals("unknown isolation 'oci' (expected auto, runc, crun or chroot)",
        assertThrows(IllegalArgumentException.class, () -> Isolation.parse("oci")).getMessage());
    assertEquals(NetworkMode.NONE, NetworkMode.parse("none"));
  }
}
