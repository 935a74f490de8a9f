package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Looks paths up through a stack of overlay-format layer directories, as overlayfs would. */
public final class LowerView {
  private final List<Path> topFirst;

  /** @param lowers layer directories, bottom layer first */
  public LowerView(List<Path> lowers) {
    List<Path> reversed = new ArrayList<>(lowers);
    Collections.reverse(reversed);
    this.topFirst = List.copyOf(reversed);
  }

  /** The metadata of what the merged lower layers show at {@code relative}, or null. */
  public FileStat find(String relative) throws IOException {
    Path path = locate(relative);
    return path == null ? null : FileStat.of(path);
  }

  /** The file in a layer that the merged lower layers show at {@code relative}, or null. */
  public Path locate(String relative) throws IOException {
    String[] parts = relative.split("/");
    for (Path layer : topFirst) {
      Path current = layer;
      boolean hidesBelow = false;
      for (int i = 0; i < parts.length; i++) {
        current = current.resolve(parts[i]);
        FileStat stat = FileStat.ofOrNull(current);
        if (stat == null) {
          break;
        }
        if (stat.isWhiteout()) {
          return null;
        }
        if (i == parts.length - 1) {
          return current;
        }
        if (!stat.isDirectory()) {
          // A file where the path needs a directory hides the lower layers' directories.
          return null;
        }
        if (Xattrs.isOpaque(current)) {
          hidesBelow = true;
        }
      }
      if (hidesBelow) {
        return null;
      }
    }
    return null;
  }
}
