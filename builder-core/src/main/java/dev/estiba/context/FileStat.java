package dev.estiba.context;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code lstat} says about a context entry: enough to tell whether a file may have changed since its
 * content digest was taken (size, times in nanoseconds, inode, device) and what a layer needs (type, mode).
 * On a file system without the {@code unix} attribute view, ctime is the mtime and inode and device are 0.
 *
 * @param type       file, directory or symlink; null for other kinds (sockets, fifos, devices)
 * @param mode       permission bits including set-uid, set-gid and sticky ({@code 07777})
 * @param size       bytes
 * @param mtimeNanos modification time, nanoseconds since the epoch
 * @param ctimeNanos status change time, nanoseconds since the epoch
 * @param inode      inode number
 * @param device     device id
 */
public record FileStat(EntryType type, int mode, long size, long mtimeNanos, long ctimeNanos, long inode,
                       long device) {
    private static final String UNIX_ATTRIBUTES = "unix:mode,ino,dev,ctime,size,lastModifiedTime";
    private static final Map<FileSystem, Boolean> HAS_UNIX_VIEW = new ConcurrentHashMap<>();

    /** Reads the status of {@code path} without following a final symlink. */
    public static FileStat of(Path path) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (HAS_UNIX_VIEW.computeIfAbsent(fs, f -> f.supportedFileAttributeViews().contains("unix"))) {
            Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            EntryType type = typeOf(mode);
            if ((mode & 0170000) == 0) {
                // Some providers (jimfs) leave the type bits out of unix:mode.
                type = typeOf(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            }
            return new FileStat(type, mode & 07777, (Long) a.get("size"),
                nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")),
                ((Number) a.get("ino")).longValue(), ((Number) a.get("dev")).longValue());
        }
        BasicFileAttributes basic;
        int mode;
        if (fs.supportedFileAttributeViews().contains("posix")) {
            PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            basic = posix;
            mode = bits(posix.permissions());
        } else {
            basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            mode = basic.isDirectory() ? 0755 : 0644;
        }
        EntryType type = typeOf(basic);
        long mtime = nanos(basic.lastModifiedTime());
        return new FileStat(type, mode, basic.size(), mtime, mtime, 0, 0);
    }

    /** Whether size, mtime, ctime, inode and device are all the same: the file looks unchanged. */
    public boolean sameIdentityAndTimes(FileStat other) {
        return size == other.size && mtimeNanos == other.mtimeNanos && ctimeNanos == other.ctimeNanos
            && inode == other.inode && device == other.device;
    }

    private static EntryType typeOf(int mode) {
        switch (mode & 0170000) {
            case 0100000:
                return EntryType.FILE;
            case 0040000:
                return EntryType.DIRECTORY;
            case 0120000:
                return EntryType.SYMLINK;
            default:
                return null;
        }
    }

    private static EntryType typeOf(BasicFileAttributes basic) {
        return basic.isSymbolicLink() ? EntryType.SYMLINK
            : basic.isDirectory() ? EntryType.DIRECTORY
            : basic.isRegularFile() ? EntryType.FILE : null;
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    private static int bits(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 0400 >> p.ordinal();
        }
        return m;
    }
}
