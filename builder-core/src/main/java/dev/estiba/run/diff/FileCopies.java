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

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final long UTIME_OMIT = (1L << 30) - 2;

  /**
   * Owner first (chown clears setuid bits), then mode, then mtime; by path, since java.nio opens
   * the file to change its mode or times, which blocks on a FIFO.
   */
  static void applyMetadata(Path target, FileStat stat) throws IOException {
    check(Xattrs.Holder.LIBC.lchown(target.toString(), stat.uid(), stat.gid()), "lchown", target);
    if (!stat.isSymlink()) {
      check(Xattrs.Holder.LIBC.chmod(target.toString(), stat.permissions()), "chmod", target);
    }
    setModified(target, stat);
  }

  static void setModified(Path target, FileStat stat) throws IOException {
    java.time.Instant mtime = stat.modified().toInstant();
    long[] times = {0, UTIME_OMIT, mtime.getEpochSecond(), mtime.getNano()};
    check(Xattrs.Holder.LIBC.utimensat(AT_FDCWD, target.toString(), times, AT_SYMLINK_NOFOLLOW),
        "utimensat", target);
  }

  private static void check(int result, String call, Path target) throws IOException {
    if (result != 0) {
      throw new IOException(call + " failed for " + target + " (errno " + com.sun.jna.Native.getLastError() + ")");
    }
  }

  /** An overlay whiteout: a 0/0 character device. */
  static void whiteout(Path target) throws IOException {
    mknod(target, S_IFCHR, 0);
  }

  private static void mknod(Path target, int mode, long dev) throws IOException {
    if (Xattrs.Holder.LIBC.mknod(target.toString(), mode, dev) != 0) {
      throw new IOException("mknod failed for " + target + " (errno " + com.sun.jna.Native.getLastError() + ")");
    }
  }
}
