package dev.estiba.layer.apply;

import dev.estiba.layer.read.SymlinkWalk;
import dev.estiba.layer.read.UnresolvablePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Resolves image paths inside a root directory one component at a time ({@link SymlinkWalk} over
 * {@code lstat}), without letting the operating system follow any symlink. A {@code ..} that would
 * climb above the root is refused rather than clamped, so a layer can never act through a link
 * that points outside.
 */
final class RootedResolver {

  /** Creates a directory the resolution found missing. */
  @FunctionalInterface
  interface DirectoryMaker {
    void make(Path dir) throws IOException;
  }

  private final Path root;

  /** @param root an absolute, real directory path */
  RootedResolver(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Resolves {@code components} to a path inside the root.
   *
   * @param followLast follow the last component when it is a symlink
   * @param maker creates missing intermediate directories; {@code null} refuses them instead
   * @return a path inside the root whose every parent is a real directory; the last component
   *     itself may be missing, or (with {@code followLast} false) a symlink
   */
  Path resolve(List<String> components, boolean followLast, DirectoryMaker maker)
      throws UnresolvablePathException, IOException {
    SymlinkWalk.Tree disk = new SymlinkWalk.Tree() {
      @Override
      public SymlinkWalk.Node lookup(List<String> path) throws IOException {
        Path p = at(path);
        BasicFileAttributes a = lstat(p);
        if (a == null) {
          return null;
        }
        if (a.isSymbolicLink()) {
          return new SymlinkWalk.Node(SymlinkWalk.Kind.SYMLINK, Files.readSymbolicLink(p).toString());
        }
        return new SymlinkWalk.Node(
            a.isDirectory() ? SymlinkWalk.Kind.DIRECTORY : SymlinkWalk.Kind.OTHER, "");
      }

      @Override
      public boolean missingDirectory(List<String> path)
          throws IOException, UnresolvablePathException {
        if (maker == null) {
          throw new UnresolvablePathException("\"" + String.join("/", path) + "\" does not exist");
        }
        maker.make(at(path));
        return true;
      }
    };
    return at(SymlinkWalk.resolve(disk, components, followLast, SymlinkWalk.AboveRoot.REFUSE));
  }

  /** The path of a resolved directory, checked to be one. */
  Path resolveDirectory(List<String> components, DirectoryMaker maker)
      throws UnresolvablePathException, IOException {
    Path dir = resolve(components, true, maker);
    BasicFileAttributes a = lstat(dir);
    if (a == null) {
      if (maker == null) {
        throw new UnresolvablePathException("\"" + root.relativize(dir) + "\" does not exist");
      }
      maker.make(dir);
    } else if (!a.isDirectory()) {
      throw new UnresolvablePathException("\"" + root.relativize(dir) + "\" is not a directory");
    }
    return dir;
  }

  /** File attributes without following a symlink, or {@code null} when nothing is there. */
  static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private Path at(List<String> components) {
    Path p = root;
    for (String c : components) {
      p = p.resolve(c);
    }
    return p;
  }

}
