package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a working copy with its snapshot and writes the differences into an upper directory as
 * overlayfs would have: changed and new entries copied (with their parents), removed ones as
 * whiteouts, a replaced directory (new inode) as an opaque directory.
 *
 * <p>An entry counts as changed when its inode, type, mode, owner, size, mtime, ctime or link target
 * differ: ctime cannot be set back by the step, so a change that restores mtime still shows.
 */
final class TreeDiff {
  private final Path copy;
  private final TreeSnapshot before;
  private final Path upper;
  private final Map<Long, Path> writtenByInode = new HashMap<>();
  private final Set<String> createdDirs = new HashSet<>();
  private final List<String> dirsToRetime = new ArrayList<>();
  private final Set<String> opaque = new HashSet<>();

  TreeDiff(Path copy, TreeSnapshot before, Path upper) {
    this.copy = copy;
    this.before = before;
    this.upper = upper;
  }

  void write() throws IOException {
    Set<String> seen = new HashSet<>();
    compareDirectory("", false, seen);
    for (String path : before.entries().keySet()) {
      String parent = parentOf(path);
      if (seen.contains(path) || opaque.contains(parent) || underOpaque(path)) {
        continue;
      }
      // A parent that is gone (or no longer a directory) hides its old children by itself.
      if (!parent.isEmpty() && (!seen.contains(parent) || !Files.isDirectory(copy.resolve(parent), java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
        continue;
      }
      ensureParents(path);
      FileCopies.whiteout(upper.resolve(path));
    }
    // Directory mtimes last, deepest first: writing their contents moved them.
    for (int i = dirsToRetime.size() - 1; i >= 0; i--) {
      String path = dirsToRetime.get(i);
      FileCopies.setModified(upper.resolve(path), FileStat.of(copy.resolve(path)));
    }
  }

  private boolean underOpaque(String path) {
    for (String dir : opaque) {
      if (path.startsWith(dir + "/")) {
        return true;
      }
    }
    return false;
  }

  private void compareDirectory(String relative, boolean allNew, Set<String> seen) throws IOException {
    Path dir = relative.isEmpty() ? copy : copy.resolve(relative);
    for (Path child : UpperDirReader.sortedChildren(dir)) {
      String path = relative.isEmpty() ? child.getFileName().toString() : relative + "/" + child.getFileName();
      seen.add(path);
      FileStat now = FileStat.of(child);
      TreeSnapshot.Recorded was = allNew ? null : before.entries().get(path);
      boolean replaced = was != null && (was.stat().inode() != now.inode() || typeOf(was.stat()) != typeOf(now)
          || (now.isDirectory() && was.generation() != -1 && was.generation() != Xattrs.generation(child)));
      if (now.isDirectory()) {
        boolean fresh = was == null || replaced;
        if (fresh || changed(was, now, child)) {
          writeEntry(path, child, now);
          if (replaced && was.stat().isDirectory()) {
            Xattrs.set(upper.resolve(path), Xattrs.TRUSTED_OPAQUE, "y");
            opaque.add(path);
          }
        }
        compareDirectory(path, fresh, seen);
      } else if (was == null || replaced || changed(was, now, child)) {
        writeEntry(path, child, now);
      }
    }
  }

  private static int typeOf(FileStat stat) {
    return stat.mode() & 0170000;
  }

  private static boolean changed(TreeSnapshot.Recorded was, FileStat now, Path child) throws IOException {
    FileStat old = was.stat();
    if (old.mode() != now.mode() || old.uid() != now.uid() || old.gid() != now.gid()
        || old.size() != now.size() || !old.modified().equals(now.modified())
        || !old.changed().equals(now.changed())) {
      return true;
    }
    return now.isSymlink() && !Files.readSymbolicLink(child).toString().equals(was.linkTarget());
  }

  private void writeEntry(String path, Path source, FileStat stat) throws IOException {
    ensureParents(path);
    Path target = upper.resolve(path);
    if (stat.isDirectory()) {
      if (createdDirs.add(path)) {
        FileCopies.copyEntry(source, stat, target);
        dirsToRetime.add(path);
      } else {
        FileCopies.applyMetadata(target, stat);
      }
      return;
    }
    Path first = stat.links() > 1 ? writtenByInode.putIfAbsent(stat.inode(), target) : null;
    if (first != null) {
      Files.createLink(target, first);
    } else {
      FileCopies.copyEntry(source, stat, target);
    }
  }

  /** Parent directories in the upper dir, with the working copy's metadata (overlay's copy-up). */
  private void ensureParents(String path) throws IOException {
    String parent = parentOf(path);
    if (parent.isEmpty() || createdDirs.contains(parent)) {
      return;
    }
    ensureParents(parent);
    if (createdDirs.add(parent)) {
      Path source = copy.resolve(parent);
      FileCopies.copyEntry(source, FileStat.of(source), upper.resolve(parent));
      dirsToRetime.add(parent);
    }
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
