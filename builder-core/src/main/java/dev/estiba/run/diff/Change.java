package dev.estiba.run.diff;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One change a step made, at a relative path ({@code usr/bin/x}, no leading slash, {@code /}
 * separated).
 */
public sealed interface Change {

  String path();

  /** A path of the lower layers that the step removed (an overlay whiteout; a {@code .wh.} entry). */
  record Deleted(String path) implements Change {}

  /**
   * A directory whose lower-layer contents are hidden (the step replaced it; {@code
   * .wh..wh..opq}). The directory itself comes as an {@link Entry} just before this marker.
   */
  record Opaque(String path) implements Change {}

  /**
   * An added or modified entry.
   *
   * @param type what kind of entry
   * @param mode permission bits including setuid, setgid and sticky (07777)
   * @param linkTarget the symlink's target, or for {@link EntryType#HARDLINK} the path of the entry
   *     it links to (earlier in the change set); empty otherwise
   * @param source where the content can be read (regular files), on the host
   * @param deviceMajor for devices, else 0
   */
  record Entry(
      String path,
      EntryType type,
      int mode,
      int uid,
      int gid,
      long size,
      Instant modified,
      String linkTarget,
      Path source,
      int deviceMajor,
      int deviceMinor)
      implements Change {}

  /** Kinds of entries, as a tar header knows them. */
  enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
  }
}
