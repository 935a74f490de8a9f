package dev.estiba.run.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Metadata of every entry of a tree, by relative path, taken before a step runs. */
record TreeSnapshot(Map<String, Recorded> entries) {

  /**
   * One entry's metadata; the symlink target where there is one; a directory's inode generation
   * (-1 when unknown), which tells a recreated directory from one whose inode number was reused.
   */
  record Recorded(FileStat stat, String linkTarget, long generation) {}

  static TreeSnapshot of(Path root) throws IOException {
    Map<String, Recorded> entries = new HashMap<>();
    record(root, "", entries);
    return new TreeSnapshot(entries);
  }

  private static void record(Path dir, String relative, Map<String, Recorded> out) throws IOException {
    for (Path child : UpperDirReader.sortedChildren(dir)) {
      String path = relative.isEmpty() ? child.getFileName().toString() : relative + "/" + child.getFileName();
      FileStat stat = FileStat.of(child);
      out.put(
          path,
          new Recorded(
              stat,
              stat.isSymlink() ? Files.readSymbolicLink(child).toString() : "",
              stat.isDirectory() ? Xattrs.generation(child) : -1));
      if (stat.isDirectory()) {
        record(child, path, out);
      }
    }
  }
}
