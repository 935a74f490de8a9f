package dev.estiba.layer.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A layer blob to read, in any compression, that can be opened more than once.
 *
 * @param name how errors name the layer (its digest, or a file name)
 * @param opener opens the blob from its start
 * @param diffId the expected {@code sha256:<hex>} of the uncompressed tar, or {@code null} to
 *     skip the check
 */
public record LayerSource(String name, Opener opener, String diffId) {

  /** Opens a blob from its start. */
  @FunctionalInterface
  public interface Opener {
    /** A new stream over the whole blob. */
    InputStream open() throws IOException;
  }

  /** Checks the diff id's shape. */
  public LayerSource {
    if (name == null || opener == null) {
      throw new IllegalArgumentException("layer name and opener are required");
    }
    if (diffId != null && !diffId.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "layer " + name + ": diff id must be sha256:<64 hex digits>, got " + diffId);
    }
  }

  /** A layer file, named by its file name, without a diff id check. */
  public static LayerSource of(Path file) {
    return new LayerSource(file.getFileName().toString(), () -> Files.newInputStream(file), null);
  }

  /** This layer, checked against {@code expectedDiffId} while it is read. */
  public LayerSource withDiffId(String expectedDiffId) {
    return new LayerSource(name, opener, expectedDiffId);
  }
}
