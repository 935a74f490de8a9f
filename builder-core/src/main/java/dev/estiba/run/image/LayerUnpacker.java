package dev.estiba.run.image;

import com.github.luben.zstd.ZstdInputStream;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.run.diff.FileStat;
import dev.estiba.run.diff.Nodes;
import dev.estiba.run.diff.Xattrs;
import dev.estiba.run.state.StateCleaner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an image's layers, once each, into {@code <dir>/<algorithm>-<hex>} in overlay format: a
 * {@code .wh.NAME} entry becomes a 0/0 character device, {@code .wh..wh..opq} the opaque xattr. Each
 * layer is unpacked under a temporary name and renamed when complete.
 */
public final class LayerUnpacker {
  private LayerUnpacker() {}

  /** The unpacked layer directories, bottom layer first. */
  public static List<Path> unpack(Image image, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> layers = new ArrayList<>();
    for (Descriptor layer : image.layers()) {
      Path target = dir.resolve(layer.digest().algorithm() + "-" + layer.digest().hex());
      if (!Files.isDirectory(target)) {
        Path temporary = Files.createTempDirectory(dir, ".unpacking-");
        try (InputStream in = decompressed(image.open(layer))) {
          extract(in, temporary);
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          StateCleaner.deleteTree(temporary);
          if (!Files.isDirectory(target)) {
            throw e;
          }
        }
      }
      layers.add(target);
    }
    return layers;
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 65536);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 65536);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new ZstdInputStream(in);
    }
    return in;
  }

  static void extract(InputStream in, Path root) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    List<Object[]> directoryTimes = new ArrayList<>();
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = safeName(entry.getName());
      if (name.isEmpty()) {
        continue;
      }
      Path target = root.resolve(name);
      requireNoSymlinkAbove(root, target);
      Files.createDirectories(target.getParent());
      String base = target.getFileName().toString();
      if (base.equals(".wh..wh..opq")) {
        Files.createDirectories(target.getParent());
        Xattrs.set(target.getParent(), Xattrs.TRUSTED_OPAQUE, "y");
        continue;
      }
      if (base.startsWith(".wh.")) {
        Path hidden = target.resolveSibling(base.substring(4));
        StateCleaner.deleteTree(hidden);
        Nodes.whiteout(hidden);
        continue;
      }
      if (!entry.isDirectory() || !Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        StateCleaner.deleteTree(target);
      }
      if (entry.isDirectory()) {
        Files.createDirectories(target);
      } else if (entry.isSymbolicLink()) {
        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      } else if (entry.isLink()) {
        Path linked = root.resolve(safeName(entry.getLinkName()));
        requireNoSymlinkAbove(root, linked);
        Files.createLink(target, linked);
        continue;
      } else if (entry.isFile()) {
        Files.copy(tar, target);
      } else if (entry.isFIFO()) {
        Nodes.mknod(target, 0010000 | (entry.getMode() & 07777), 0);
      } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
        long dev = ((long) entry.getDevMajor() << 8) | (entry.getDevMinor() & 0xff)
            | ((long) (entry.getDevMinor() & ~0xff) << 12);
        Nodes.mknod(target, (entry.isCharacterDevice() ? 0020000 : 0060000) | (entry.getMode() & 07777), dev);
      } else {
        continue;
      }
      Nodes.chown(target, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
      if (!entry.isSymbolicLink()) {
        Nodes.chmod(target, entry.getMode() & 07777);
      }
      if (entry.isDirectory()) {
        directoryTimes.add(new Object[] {target, entry.getLastModifiedDate().toInstant()});
      } else {
        Nodes.setModified(target, entry.getLastModifiedDate().toInstant());
      }
    }
    // Directory times last: writing their contents moved them.
    for (int i = directoryTimes.size() - 1; i >= 0; i--) {
      Nodes.setModified((Path) directoryTimes.get(i)[0], (java.time.Instant) directoryTimes.get(i)[1]);
    }
  }

  /** The entry name as a relative path without {@code .} or {@code ..} parts. */
  static String safeName(String name) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IOException("layer entry leaves the root: " + name);
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  /** Refuses to write through a symlink an earlier entry planted (it could point outside). */
  private static void requireNoSymlinkAbove(Path root, Path target) throws IOException {
    for (Path p = target.getParent(); p != null && !p.equals(root); p = p.getParent()) {
      FileStat stat = FileStat.ofOrNull(p);
      if (stat != null && stat.isSymlink()) {
        throw new IOException("layer entry " + root.relativize(target) + " goes through the symlink " + root.relativize(p));
      }
    }
  }
}
