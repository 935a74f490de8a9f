package dev.estiba.layer.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves an image path one component at a time over a tree (a directory being unpacked, an
 * index of layer headers), never letting anything else follow a symlink.
 *
 * <p>A symlink met on the way is read and its target spliced into the remaining components: an
 * absolute target starts again at the root (the image's {@code /}), a relative one at the link's
 * directory. Forty links at most, as Linux. A {@code ..} above the root is refused when layers are
 * written ({@link AboveRoot#REFUSE}) and stays at the root for lookups, as the kernel does inside
 * the container ({@link AboveRoot#CLAMP}).
 */
public final class SymlinkWalk {

  /** Linux's limit of symlinks in one path resolution. */
  public static final int MAX_SYMLINKS = 40;

  private SymlinkWalk() {}

  /** What one path of the tree is. */
  public enum Kind {
    /** A directory. */
    DIRECTORY,
    /** A symlink; {@link Node#linkTarget()} holds its target. */
    SYMLINK,
    /** Anything else. */
    OTHER
  }

  /** One path of the tree. */
  public record Node(Kind kind, String linkTarget) {}

  /** What {@code ..} above the root does. */
  public enum AboveRoot {
    /** Refuse: the path leads outside the root. */
    REFUSE,
    /** Stay at the root. */
    CLAMP
  }

  /** The tree walked. */
  public interface Tree {
    /** The node at {@code path} (components from the root), or {@code null} when none is there. */
    Node lookup(List<String> path) throws IOException;

    /**
     * Called for a missing directory before the last component. Returns true to go on as if it
     * were a directory (having made one, or taking it as one), false to end the walk with no
     * result; or refuses the path.
     */
    boolean missingDirectory(List<String> path) throws IOException, UnresolvablePathException;
  }

  /**
   * Resolves {@code components} in {@code tree}.
   *
   * @param followLast follow the last component when it is a symlink
   * @return the components of the resolved path (every one but the last a directory; the last may
   *     be missing, or a symlink when not followed), or {@code null} when the tree ended the walk
   */
  public static List<String> resolve(Tree tree, List<String> components, boolean followLast,
      AboveRoot aboveRoot) throws IOException, UnresolvablePathException {
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
        if (!current.isEmpty()) {
          current.remove(current.size() - 1);
        } else if (aboveRoot == AboveRoot.REFUSE) {
          throw new UnresolvablePathException(
              "symlink \"" + lastLink + "\" leads outside the root");
        }
        continue;
      }
      current.add(c);
      Node node = tree.lookup(current);
      if (node == null) {
        if (!last && !tree.missingDirectory(current)) {
          return null;
        }
        continue;
      }
      if (node.kind() == Kind.SYMLINK && (!last || followLast)) {
        lastLink = String.join("/", current);
        current.remove(current.size() - 1);
        if (++links > MAX_SYMLINKS) {
          throw new UnresolvablePathException(
              "too many levels of symbolic links at \"" + lastLink + "\"");
        }
        if (node.linkTarget().startsWith("/")) {
          current.clear();
        }
        String[] parts = node.linkTarget().split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          pending.addFirst(parts[i]);
        }
        continue;
      }
      if (!last && node.kind() != Kind.DIRECTORY) {
        throw new UnresolvablePathException("\"" + String.join("/", current) + "\" is not a directory");
      }
    }
    return current;
  }
}
