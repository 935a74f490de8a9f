package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Path-based metadata calls (lchown, chmod, utimensat, mknod) through libc: java.nio opens a file to
 * change its mode or times, which blocks on a FIFO, and cannot make device nodes.
 */
public final class Nodes {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final long UTIME_OMIT = (1L << 30) - 2;
  private static final int S_IFCHR = 0020000;

  private Nodes() {}

  public static void chown(Path target, int uid, int gid) throws IOException {
    check(Xattrs.Holder.LIBC.lchown(target.toString(), uid, gid), "lchown", target);
  }

  /** Permission bits including setuid, setgid, sticky; never on a symlink (it would follow it). */
  public static void chmod(Path target, int mode) throws IOException {
    check(Xattrs.Holder.LIBC.chmod(target.toString(), mode), "chmod", target);
  }

  /** Sets the modification time, not following a final symlink. */
  public static void setModified(Path target, Instant mtime) throws IOException {
    long[] times = {0, UTIME_OMIT, mtime.getEpochSecond(), mtime.getNano()};
    check(Xattrs.Holder.LIBC.utimensat(AT_FDCWD, target.toString(), times, AT_SYMLINK_NOFOLLOW),
        "utimensat", target);
  }

  /** A device node or FIFO; {@code mode} includes the file type bits. */
  public static void mknod(Path target, int mode, long dev) throws IOException {
    check(Xattrs.Holder.LIBC.mknod(target.toString(), mode, dev), "mknod", target);
  }

  /** An overlay whiteout: a 0/0 character device. */
  public static void whiteout(Path target) throws IOException {
    mknod(target, S_IFCHR, 0);
  }

  private static void check(int result, String call, Path target) throws IOException {
    if (result != 0) {
      throw new IOException(call + " failed for " + target + " (errno " + com.sun.jna.Native.getLastError() + ")");
    }
  }
}
