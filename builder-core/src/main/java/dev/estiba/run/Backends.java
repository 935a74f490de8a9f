package dev.estiba.run;

import dev.estiba.run.cgroup.Cgroups;
import dev.estiba.run.chroot.ChrootBackend;
import dev.estiba.run.oci.OciRuntimeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Picks the backend for an {@link Isolation}: {@code auto} prefers runc, then crun, then chroot. */
public final class Backends {
  private Backends() {}

  /** Every backend, in {@code auto}'s order of preference. */
  public static List<Backend> all(Cgroups cgroups, boolean root) {
    return List.of(
        new OciRuntimeBackend(Isolation.RUNC, cgroups, root),
        new OciRuntimeBackend(Isolation.CRUN, cgroups, root),
        new ChrootBackend(root));
  }

  /** The backend to use; throws when it (or, for auto, every one) cannot work here. */
  public static Backend select(Isolation isolation, Cgroups cgroups, boolean root) {
    List<String> reasons = new ArrayList<>();
    for (Backend backend : all(cgroups, root)) {
      if (isolation != Isolation.AUTO && backend.isolation() != isolation) {
        continue;
      }
      Optional<String> reason = backend.unavailableReason();
      if (reason.isEmpty()) {
        return backend;
      }
      if (isolation != Isolation.AUTO) {
        throw new BackendUnavailableException(reason.get());
      }
      reasons.add(reason.get());
    }
    throw new BackendUnavailableException("no isolation backend works here: " + String.join("; ", reasons));
  }
}
