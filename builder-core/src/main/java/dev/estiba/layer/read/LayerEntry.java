package dev.estiba.layer.read;

import dev.estiba.layer.EntryType;
import java.time.Instant;
import java.util.Map;

/**
 * One checked tar entry of a layer, as its header describes it.
 *
 * @param ordinal position of the entry in its layer, from 0
 * @param name the entry name as written in the tar
 * @param path the checked path
 * @param type what the entry is
 * @param mode permission bits including setuid, setgid and sticky ({@code 07777})
 * @param uid owner
 * @param gid group
 * @param size content bytes (0 for anything but a file)
 * @param linkTarget a symlink's target text or a hard link's target name; empty otherwise
 * @param mtime modification time
 * @param xattrs extended attributes from PAX {@code SCHILY.xattr.*} records, by name
 * @param deviceMajor a device's major number
 * @param deviceMinor a device's minor number
 */
public record LayerEntry(int ordinal, String name, EntryPath path, EntryType type, int mode,
    long uid, long gid, long size, String linkTarget, Instant mtime, Map<String, String> xattrs,
    int deviceMajor, int deviceMinor) {

  /** Copies the attributes. */
  public LayerEntry {
    xattrs = Map.copyOf(xattrs);
  }
}
