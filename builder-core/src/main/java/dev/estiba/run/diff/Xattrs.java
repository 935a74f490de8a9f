package dev.estiba.run.diff;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Extended attributes of the {@code trusted.} namespace, which java.nio cannot reach. */
public final class Xattrs {
  /** The xattr overlayfs sets on an opaque directory (as root). */
  public static final String TRUSTED_OPAQUE = "trusted.overlay.opaque";
  /** The same marker on an overlay mounted with {@code userxattr} (in a user namespace). */
  public static final String USER_OPAQUE = "user.overlay.opaque";

  interface LibC extends Library {
    long lgetxattr(String path, String name, byte[] value, long size);

    int lsetxattr(String path, String name, byte[] value, long size, int flags);

    int mknod(String path, int mode, long dev);

    int chmod(String path, int mode);

    int lchown(String path, int uid, int gid);

    int utimensat(int dirfd, String path, long[] times, int flags);

    int open(String path, int flags);

    int ioctl(int fd, long request, long[] out);

    int close(int fd);
  }

  static final class Holder {
    // By its soname: the bare name "c" finds no libc.so without the dev package, and JNA then runs
    // "ldconfig -p" to look for it (about 0.1 s of each build's first RUN).
    static final LibC LIBC = Native.load(com.sun.jna.Platform.C_LIBRARY_NAME, LibC.class);
  }

  private Xattrs() {}

  /** The attribute's value, or null when the entry does not have it. */
  public static String get(Path path, String name) {
    byte[] buffer = new byte[256];
    long n = Holder.LIBC.lgetxattr(path.toString(), name, buffer, buffer.length);
    return n < 0 ? null : new String(buffer, 0, (int) n, StandardCharsets.UTF_8);
  }

  /** Sets the attribute; false when the file system or our privileges refuse. */
  public static boolean set(Path path, String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return Holder.LIBC.lsetxattr(path.toString(), name, bytes, bytes.length, 0) == 0;
  }

  private static final int O_RDONLY_DIRECTORY_NOFOLLOW = 0200000 | 0400000;
  private static final long FS_IOC_GETVERSION = 0x80087601L;

  /**
   * The inode generation of a directory (ext4, xfs, btrfs, tmpfs), which changes when an inode number
   * is reused; -1 where the file system does not tell.
   */
  public static long generation(Path dir) {
    int fd = Holder.LIBC.open(dir.toString(), O_RDONLY_DIRECTORY_NOFOLLOW);
    if (fd < 0) {
      return -1;
    }
    try {
      long[] out = new long[1];
      return Holder.LIBC.ioctl(fd, FS_IOC_GETVERSION, out) == 0 ? out[0] & 0xffffffffL : -1;
    } finally {
      Holder.LIBC.close(fd);
    }
  }

  /** Whether the directory carries overlayfs's opaque marker (either namespace). */
  public static boolean isOpaque(Path dir) {
    return "y".equals(get(dir, TRUSTED_OPAQUE)) || "y".equals(get(dir, USER_OPAQUE));
  }
}
