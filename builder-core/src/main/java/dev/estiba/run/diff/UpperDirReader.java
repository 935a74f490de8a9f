package dev.estiba.run.diff;

import dev.estiba.run.diff.Change.Entry;
import dev.estiba.run.diff.Change.EntryType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an overlay upper directory into a {@link ChangeSet}: whiteouts become deletions, opaque
 * directories get an opaque marker, entries sharing an inode become hard links to the first one
 * in path order, and mount points a runtime left behind ({@link Leftovers}) are dropped.
 */
public final class UpperDirReader {
  private final LowerView lowers;
  private final Leftovers leftovers;
  private final Map<Long, String> firstPathByInode = new HashMap<>();

  public UpperDirReader(LowerView lowers, Leftovers leftovers) {
    this.lowers = lowers;
    this.leftovers = leftovers;
  }

  /** Reads the whole upper directory in one pass. */
  public ChangeSet read(Path upper) throws IOException {
    firstPathByInode.clear();
    List<Change> changes = new ArrayList<>();
    readDirectory(upper, "", changes);
    return new ChangeSet(changes);
  }

  private void readDirectory(Path dir, String relativeDir, List<Change> out) throws IOException {
    for (Path child : sortedChildren(dir)) {
      String name = child.getFileName().toString();
      String relative = relativeDir.isEmpty() ? name : relativeDir + "/" + name;
      FileStat stat = FileStat.of(child);
      if (stat.isWhiteout()) {
        out.add(new Change.Deleted(relative));
      } else if (stat.isDirectory()) {
        readSubdirectory(child, relative, stat, out);
      } else if (!isLeftoverFile(relative, stat)) {
        out.add(entry(child, relative, stat));
      }
    }
  }

  private void readSubdirectory(Path dir, String relative, FileStat stat, List<Change> out)
      throws IOException {
    boolean opaque = Xattrs.isOpaque(dir);
    List<Change> inside = new ArrayList<>();
    readDirectory(dir, relative, inside);
    if (!opaque && inside.isEmpty() && isLeftoverDirectory(dir, relative, stat)) {
      return;
    }
    out.add(entry(dir, relative, stat));
    if (opaque) {
      out.add(new Change.Opaque(relative));
    }
    out.addAll(inside);
  }

  private boolean isLeftoverFile(String relative, FileStat stat) throws IOException {
    return leftovers.isMountPoint(relative)
        && stat.isRegularFile()
        && stat.size() == 0
        && lowers.find(relative) == null;
  }

  /**
   * An empty mount point the runtime made, or a directory above one whose only change was that:
   * created for it, or copied up unchanged but for its modification time.
   */
  private boolean isLeftoverDirectory(Path dir, String relative, FileStat stat) throws IOException {
    boolean mountPoint = leftovers.isMountPoint(relative);
    if (!mountPoint && !leftovers.isAboveMountPoint(relative)) {
      return false;
    }
    FileStat below = lowers.find(relative);
    if (below == null) {
      return mountPoint || hasChildren(dir);
    }
    return below.isDirectory()
        && below.permissions() == stat.permissions()
        && below.uid() == stat.uid()
        && below.gid() == stat.gid();
  }

  private Entry entry(Path path, String relative, FileStat stat) throws IOException {
    Instant modified = stat.modified().toInstant();
    if (!stat.isDirectory() && stat.links() > 1) {
      String first = firstPathByInode.putIfAbsent(stat.inode(), relative);
      if (first != null) {
        return new Entry(
            relative, EntryType.HARDLINK, stat.permissions(), stat.uid(), stat.gid(), 0, modified,
            first, path, 0, 0);
      }
    }
    EntryType type;
    String target = "";
    long size = 0;
    if (stat.isRegularFile()) {
      type = EntryType.FILE;
      size = stat.size();
    } else if (stat.isDirectory()) {
      type = EntryType.DIRECTORY;
    } else if (stat.isSymlink()) {
      type = EntryType.SYMLINK;
      target = Files.readSymbolicLink(path).toString();
    } else if (stat.isCharDevice()) {
      type = EntryType.CHAR_DEVICE;
    } else if (stat.isBlockDevice()) {
      type = EntryType.BLOCK_DEVICE;
    } else if (stat.isFifo()) {
      type = EntryType.FIFO;
    } else {
      throw new IOException("cannot put a socket into a layer: /" + relative);
    }
    boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
    return new Entry(
        relative, type, stat.permissions(), stat.uid(), stat.gid(), size, modified, target, path,
        device ? stat.major() : 0, device ? stat.minor() : 0);
  }

  private static boolean hasChildren(Path dir) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      return children.iterator().hasNext();
    }
  }

  static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return children;
  }
}
