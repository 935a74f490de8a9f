package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** lstat(2) through the JDK's {@code unix:} attribute view. */
public record FileStat(
    int mode, int uid, int gid, long size, long inode, int links, long rdev, FileTime modified, FileTime changed) {

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;

  private static final String ATTRIBUTES =
      "unix:mode,uid,gid,size,ino,nlink,rdev,lastModifiedTime,ctime";

  /** The entry's metadata, not following a final symlink. */
  public static FileStat of(Path path) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    return new FileStat(
        (Integer) a.get("mode"),
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        (Long) a.get("size"),
        (Long) a.get("ino"),
        (Integer) a.get("nlink"),
        (Long) a.get("rdev"),
        (FileTime) a.get("lastModifiedTime"),
        (FileTime) a.get("ctime"));
  }

  /** The entry's metadata, or null when nothing is there. */
  public static FileStat ofOrNull(Path path) throws IOException {
    try {
      return of(path);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  public int permissions() {
    return mode & 07777;
  }

  public boolean isDirectory() {
    return (mode & S_IFMT) == S_IFDIR;
  }

  public boolean isRegularFile() {
    return (mode & S_IFMT) == S_IFREG;
  }

  public boolean isSymlink() {
    return (mode & S_IFMT) == S_IFLNK;
  }

  public boolean isCharDevice() {
    return (mode & S_IFMT) == S_IFCHR;
  }

  public boolean isBlockDevice() {
    return (mode & S_IFMT) == S_IFBLK;
  }

  public boolean isFifo() {
    return (mode & S_IFMT) == S_IFIFO;
  }

  /** An overlayfs whiteout: a character device numbered 0/0. */
  public boolean isWhiteout() {
    return isCharDevice() && rdev == 0;
  }

  /** The device's major number (Linux's dev_t encoding). */
  public int major() {
    return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
  }

  /** The device's minor number. */
  public int minor() {
    return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
  }
}
