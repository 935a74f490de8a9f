package dev.estiba.layer.read;

/** The kinds of tar entry a layer may hold. */
public enum EntryType {
  /** A regular file with content. */
  REGULAR,
  /** A directory. */
  DIRECTORY,
  /** A symbolic link; its target is stored as text and never followed out of the root. */
  SYMLINK,
  /** A hard link to an earlier path of the image. */
  HARDLINK,
  /** A character device. */
  CHAR_DEVICE,
  /** A block device. */
  BLOCK_DEVICE,
  /** A named pipe. */
  FIFO
}
