package dev.estiba.layer.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves image paths inside a root directory one component at a time, without letting the
 * operating system follow any symlink.
 *
 * <p>A symlink met on the way is read and its target spliced into the remaining components: an
 * absolute target starts again at the root (the image's {@code /}), a relative one at the link's
 * directory. A {@code ..} that would climb above the root is refused rather than clamped, so a
 * layer can never act through a link that points outside. Forty links at most, as Linux.
 */
final class RootedResolver {

  static final int MAX_SYMLINKS = 40;

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
      throws PathRefusedException, IOException {
    Deque<String> pending = new ArrayDeque<>(components);
    List<String> current = new ArrayList<>();
    int links = 0;
    String lastLink = null;
    while (!pending.isEmpty()) {
      String c = pending.removeFirst();
      boolean last = pending.isEmpty();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (current.isEmpty()) {
          throw new PathRefusedException(
              "symlink \"" + lastLink + "\" leads outside the root");
        }
        current.remove(current.size() - 1);
        continue;
      }
      Path p = at(current).resolve(c);
      BasicFileAttributes a = lstat(p);
      if (a == null) {
        current.add(c);
        if (last) {
          break;
        }
        if (maker == null) {
          throw new PathRefusedException("\"" + String.join("/", current) + "\" does not exist");
        }
        maker.make(p);
        continue;
      }
      if (a.isSymbolicLink() && (!last || followLast)) {
        lastLink = relative(current, c);
        if (++links > MAX_SYMLINKS) {
          throw new PathRefusedException("too many levels of symbolic links at \"" + lastLink + "\"");
        }
        String target = Files.readSymbolicLink(p).toString();
        if (target.startsWith("/")) {
          current.clear();
        }
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          pending.addFirst(parts[i]);
        }
        continue;
      }
      if (!last && !a.isDirectory()) {
        throw new PathRefusedException("\"" + relative(current, c) + "\" is not a directory");
      }
      current.add(c);
    }
    return at(current);
  }

  /** The path of a resolved directory, checked to be one. */
  Path resolveDirectory(List<String> components, DirectoryMaker maker)
      throws PathRefusedException, IOException {
    Path dir = resolve(components, true, maker);
    BasicFileAttributes a = lstat(dir);
    if (a == null) {
      if (maker == null) {
        throw new PathRefusedException("\"" + root.relativize(dir) + "\" does not exist");
      }
      maker.make(dir);
    } else if (!a.isDirectory()) {
      throw new PathRefusedException("\"" + root.relativize(dir) + "\" is not a directory");
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

  private static String relative(List<String> current, String c) {
    return current.isEmpty() ? c : String.join("/", current) + "/" + c;
  }
}
