package dev.estiba.run.diff;

import dev.estiba.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback where overlayfs cannot be mounted: the parent layers (overlay format) merged into a
 * plain directory the step runs in, and afterwards the differences written into the upper directory
 * in overlay format, so {@link UpperDirReader} gives the same change set as with an overlay.
 */
public final class WorkingCopy {
  private final Path root;
  private final TreeSnapshot before;

  private WorkingCopy(Path root, TreeSnapshot before) {
    this.root = root;
    this.before = before;
  }

  /** Merges {@code lowers} (bottom first) into the new directory {@code root} and records it. */
  public static WorkingCopy create(List<Path> lowers, Path root) throws IOException {
    Files.createDirectory(root);
    for (Path layer : lowers) {
      Map<Long, Path> linked = new HashMap<>();
      mergeDirectory(layer, root, linked);
    }
    return new WorkingCopy(root, TreeSnapshot.of(root));
  }

  /** The directory to run the step in. */
  public Path root() {
    return root;
  }

  /** Writes what the step changed into {@code upper} (overlay format). */
  public void writeChanges(Path upper) throws IOException {
    new TreeDiff(root, before, upper).write();
  }

  private static void mergeDirectory(Path from, Path to, Map<Long, Path> linked) throws IOException {
    List<Path> directories = new ArrayList<>();
    for (Path child : UpperDirReader.sortedChildren(from)) {
      Path target = to.resolve(child.getFileName().toString());
      FileStat stat = FileStat.of(child);
      FileStat existing = FileStat.ofOrNull(target);
      if (stat.isWhiteout()) {
        if (existing != null) {
          FileTrees.deleteTree(target);
        }
        continue;
      }
      if (stat.isDirectory()) {
        if (existing != null && (!existing.isDirectory() || Xattrs.isOpaque(child))) {
          FileTrees.deleteTree(target);
          existing = null;
        }
        if (existing == null) {
          FileCopies.copyEntry(child, stat, target);
        } else {
          FileCopies.applyMetadata(target, stat);
        }
        mergeDirectory(child, target, linked);
        directories.add(child);
        continue;
      }
      if (existing != null) {
        FileTrees.deleteTree(target);
      }
      Path first = stat.links() > 1 ? linked.putIfAbsent(stat.inode(), target) : null;
      if (first != null) {
        Files.createLink(target, first);
      } else {
        FileCopies.copyEntry(child, stat, target);
      }
    }
    for (Path dir : directories) {
      FileCopies.setModified(to.resolve(dir.getFileName().toString()), FileStat.of(dir));
    }
  }
}
