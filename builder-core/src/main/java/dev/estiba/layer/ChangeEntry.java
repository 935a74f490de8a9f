package dev.estiba.layer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One file a layer adds or replaces.
 *
 * @param path normalized by {@link LayerPath#normalize}
 * @param type what kind of file
 * @param mode permission bits with setuid/setgid/sticky ({@code 07777}); no file-type bits
 * @param uid numeric owner
 * @param gid numeric group
 * @param mtime modification time; whole seconds are written
 * @param size content length for {@link EntryType#FILE}, 0 otherwise
 * @param content where a file's bytes come from; null for other types
 * @param linkTarget a symlink's target (as written), or a hard link's layer path
 * @param xattrs extended attributes, name to raw value
 * @param device major/minor of a device node, null otherwise
 */
public record ChangeEntry(
    String path,
    EntryType type,
    int mode,
    long uid,
    long gid,
    Instant mtime,
    long size,
    ContentSource content,
    String linkTarget,
    SortedMap<String, byte[]> xattrs,
    Device device) {

    public ChangeEntry {
        path = LayerPath.normalize(path);
        if (type == null) {
            throw new IllegalArgumentException(path + ": missing entry type");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException(path + ": mode " + Integer.toOctalString(mode)
                + " has bits outside 07777");
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException(path + ": negative owner " + uid + ":" + gid);
        }
        if (mtime == null) {
            throw new IllegalArgumentException(path + ": missing mtime");
        }
        if (type == EntryType.FILE) {
            if (size < 0 || content == null) {
                throw new IllegalArgumentException(path + ": a file needs a size >= 0 and a content source");
            }
        } else if (size != 0 || content != null) {
            throw new IllegalArgumentException(path + ": only files have content");
        }
        if ((type == EntryType.SYMLINK || type == EntryType.HARDLINK) != (linkTarget != null)) {
            throw new IllegalArgumentException(path + ": a link target is for symlinks and hard links only");
        }
        if (type == EntryType.SYMLINK && (linkTarget.isEmpty() || linkTarget.indexOf('\0') >= 0
            || !LayerPath.isWellFormed(linkTarget))) {
            throw new IllegalArgumentException(path + ": invalid symlink target \"" + linkTarget + "\"");
        }
        if (type == EntryType.HARDLINK) {
            linkTarget = LayerPath.normalize(linkTarget);
        }
        if ((type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE) != (device != null)) {
            throw new IllegalArgumentException(path + ": device numbers are for device nodes only");
        }
        TreeMap<String, byte[]> attrs = new TreeMap<>();
        if (xattrs != null) {
            for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
                if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0 || e.getKey().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException(path + ": invalid xattr name \"" + e.getKey() + "\"");
                }
                attrs.put(e.getKey(), e.getValue().clone());
            }
        }
        xattrs = Collections.unmodifiableSortedMap(attrs);
    }

    /** A regular file. */
    public static ChangeEntry file(String path, int mode, long uid, long gid, Instant mtime, long size,
                                   ContentSource content) {
        return new ChangeEntry(path, EntryType.FILE, mode, uid, gid, mtime, size, content, null, null, null);
    }

    /** A regular file whose bytes are in memory. */
    public static ChangeEntry file(String path, int mode, Instant mtime, byte[] bytes) {
        return file(path, mode, 0, 0, mtime, bytes.length, ContentSource.of(bytes));
    }

    public static ChangeEntry directory(String path, int mode, long uid, long gid, Instant mtime) {
        return new ChangeEntry(path, EntryType.DIRECTORY, mode, uid, gid, mtime, 0, null, null, null, null);
    }

    public static ChangeEntry symlink(String path, String target, long uid, long gid, Instant mtime) {
        return new ChangeEntry(path, EntryType.SYMLINK, 0777, uid, gid, mtime, 0, null, target, null, null);
    }

    /** A hard link to another file of the same layer. */
    public static ChangeEntry hardlink(String path, String targetPath, int mode, long uid, long gid, Instant mtime) {
        return new ChangeEntry(path, EntryType.HARDLINK, mode, uid, gid, mtime, 0, null, targetPath, null, null);
    }

    /** This entry with extended attributes. */
    public ChangeEntry withXattrs(Map<String, byte[]> attrs) {
        return new ChangeEntry(path, type, mode, uid, gid, mtime, size, content, linkTarget,
            attrs == null ? null : new TreeMap<>(attrs), device);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChangeEntry e)) {
            return false;
        }
        if (xattrs.size() != e.xattrs.size() || !xattrs.keySet().equals(e.xattrs.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> a : xattrs.entrySet()) {
            if (!Arrays.equals(a.getValue(), e.xattrs.get(a.getKey()))) {
                return false;
            }
        }
        return path.equals(e.path) && type == e.type && mode == e.mode && uid == e.uid && gid == e.gid
            && mtime.equals(e.mtime) && size == e.size && content == e.content
            && java.util.Objects.equals(linkTarget, e.linkTarget) && java.util.Objects.equals(device, e.device);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + type.hashCode();
    }
}
