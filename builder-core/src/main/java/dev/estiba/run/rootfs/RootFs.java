package dev.estiba.run.rootfs;

import java.nio.file.Path;
import java.util.List;

/** Where a step's root file system comes from. */
public sealed interface RootFs {

  /**
   * Parent layers stacked read-only under a writable upper directory (overlayfs). The upper
   * directory ends up in overlay format (whiteouts, opaque markers) and becomes the change set.
   *
   * @param lowers unpacked layer directories in overlay format, bottom layer first
   * @param upper an empty directory for the step's writes, on a file system that can hold
   *     overlay upper directories (not overlayfs itself)
   */
  record Layered(List<Path> lowers, Path upper) implements RootFs {
    public Layered {
      lowers = List.copyOf(lowers);
    }
  }

  /** A plain directory used as the root as it is; the step writes into it. */
  record Directory(Path dir) implements RootFs {}
}
