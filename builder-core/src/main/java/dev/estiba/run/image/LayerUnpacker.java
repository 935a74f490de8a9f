package dev.estiba.run.image;

import dev.estiba.files.FileTrees;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.layer.apply.ApplyOptions;
import dev.estiba.layer.apply.LayerApplier;
import dev.estiba.layer.apply.WhiteoutMarker;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.run.diff.Nodes;
import dev.estiba.run.diff.Xattrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpacks an image's layers, once each, into {@code <dir>/<algorithm>-<hex>} in overlay format
 * with {@link LayerApplier}: a {@code .wh.NAME} entry becomes a 0/0 character device,
 * {@code .wh..wh..opq} the opaque xattr. Each layer is unpacked under a temporary name and renamed
 * when complete.
 */
public final class LayerUnpacker {
  /** Owners as root; devices allowed (the run needs root, which may make them). */
  private static final LayerApplier OVERLAY = new LayerApplier(
      ApplyOptions.defaults().withAllowDevices(true).withWhiteoutMarker(new OverlayWhiteouts()));

  private LayerUnpacker() {}

  /** The unpacked layer directories, bottom layer first. */
  public static List<Path> unpack(Image image, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> layers = new ArrayList<>();
    for (Descriptor layer : image.layers()) {
      Path target = dir.resolve(layer.digest().algorithm() + "-" + layer.digest().hex());
      if (!Files.isDirectory(target)) {
        Path temporary = Files.createTempDirectory(dir, ".unpacking-");
        try {
          extract(new LayerSource(layer.digest().toString(), () -> image.open(layer), null), temporary);
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          FileTrees.deleteTree(temporary);
          if (!Files.isDirectory(target)) {
            throw e;
          }
        }
      }
      layers.add(target);
    }
    return layers;
  }

  /** Applies one layer, in any compression, to the empty directory {@code root}. */
  static void extract(LayerSource layer, Path root) throws IOException {
    OVERLAY.apply(root, layer);
  }

  /** Overlayfs's own whiteout format. */
  private static final class OverlayWhiteouts implements WhiteoutMarker {
    @Override
    public void whiteout(Path path) throws IOException {
      Nodes.whiteout(path);
    }

    @Override
    public void opaque(Path dir) {
      // Without root the trusted namespace is refused; the run needs root anyway.
      Xattrs.set(dir, Xattrs.TRUSTED_OPAQUE, "y");
    }
  }
}
