package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies single entries with their metadata (owner, mode with setuid bits, mtime), never following links. */
final class FileCopies {
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;

  private FileCopies() {}

  /**
   * Creates {@code target} as a copy of the entry {@code source} (a directory without its contents);
   * a directory's mtime must be set again by the caller once its contents are written.
   */
  static void copyEntry(Path source, FileStat stat, Path target) throws IOException {
    if (stat.isDirectory()) {
      Files.createDirectory(target);
    } else if (stat.isRegularFile()) {
      Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
    } else if (stat.isSymlink()) {
      Files.createSymbolicLink(target, Files.readSymbolicLink(source));
    } else if (stat.isFifo()) {
      mknod(target, S_IFIFO | stat.permissions(), 0);
    } else if (stat.isCharDevice() || stat.isBlockDevice()) {
      mknod(target, (stat.isCharDevice() ? S_IFCHR : S_IFBLK) | stat.permissions(), stat.rdev());
    } else {
      throw new IOException("cannot copy a socket: " + source);
    }
    applyMetadata(target, stat);
  }

  /** Owner first (chown clears setuid bits), then mode, then mtime; all by path. */
  static void applyMetadata(Path target, FileStat stat) throws IOException {
    Nodes.chown(target, stat.uid(), stat.gid());
    if (!stat.isSymlink()) {
      Nodes.chmod(target, stat.permissions());
    }
    setModified(target, stat);
  }

  static void setModified(Path target, FileStat stat) throws IOException {
    Nodes.setModified(target, stat.modified().toInstant());
  }

  static void whiteout(Path target) throws IOException {
    Nodes.whiteout(target);
  }

  private static void mknod(Path target, int mode, long dev) throws IOException {
    Nodes.mknod(target, mode, dev);
  }
}
