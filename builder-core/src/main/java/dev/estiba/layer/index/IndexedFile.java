package dev.estiba.layer.index;

import dev.estiba.layer.EntryType;
import java.time.Instant;

/**
 * One path of an image's final file tree, as the tar header of the layer that last wrote it says.
 *
 * @param path the path without a leading slash ({@code etc/passwd}); empty for the root
 * @param type what it is
 * @param mode permission bits ({@code 07777})
 * @param uid owner
 * @param gid group
 * @param size content bytes of a file
 * @param linkTarget a symlink's target text or a hard link's target path; empty otherwise
 * @param mtime modification time
 * @param layer index of the layer that wrote it, from 0 at the bottom; -1 for the root
 * @param ordinal the entry's position in that layer, to fetch its content
 * @param implicit true for a directory no header names, present because something inside it is
 */
public record IndexedFile(String path, EntryType type, int mode, long uid, long gid, long size,
    String linkTarget, Instant mtime, int layer, int ordinal, boolean implicit) {

  /** True for directories. */
  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }

  static IndexedFile implicitDirectory(String path, int layer) {
    return new IndexedFile(path, EntryType.DIRECTORY, 0755, 0, 0, 0, "", Instant.EPOCH, layer, -1,
        true);
  }
}
