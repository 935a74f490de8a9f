package dev.estiba.layer.apply;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps a layer's whiteouts as markers instead of removing what they hide: for layers unpacked
 * each into a directory of its own and stacked later (overlayfs lower directories), where the
 * hidden files are in other directories.
 */
public interface WhiteoutMarker {

  /** Marks {@code path}, which this layer did not write, as removed from the layers below. */
  void whiteout(Path path) throws IOException;

  /** Marks the directory {@code dir} as hiding all children of the layers below. */
  void opaque(Path dir) throws IOException;
}
