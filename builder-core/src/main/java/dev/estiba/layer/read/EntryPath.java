package dev.estiba.layer.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry name checked and split into path components relative to the image root.
 *
 * <p>{@code ./} prefixes, repeated and trailing slashes and {@code .} components are dropped.
 * Absolute names, {@code ..} components, NUL and over-long names are refused: a layer never names
 * anything outside its root.
 *
 * @param components the path's components; empty for the root itself
 */
public record EntryPath(List<String> components) {

  /** Linux PATH_MAX. */
  static final int MAX_PATH_BYTES = 4096;
  /** Linux NAME_MAX. */
  static final int MAX_COMPONENT_BYTES = 255;

  /** Copies the components. */
  public EntryPath {
    components = List.copyOf(components);
  }

  /**
   * Checks and splits a tar entry name (or a hard link's target name).
   *
   * @return the path, or a reason it is refused (see {@link Parsed})
   */
  public static Parsed parse(String name) {
    if (name.indexOf('\0') >= 0) {
      return new Parsed(null, "name contains a NUL byte");
    }
    if (name.isEmpty()) {
      return new Parsed(null, "name is empty");
    }
    if (name.startsWith("/")) {
      return new Parsed(null, "absolute name");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      return new Parsed(null, "name is longer than " + MAX_PATH_BYTES + " bytes");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return new Parsed(null, "name has a \"..\" component");
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
        return new Parsed(null, "a name component is longer than " + MAX_COMPONENT_BYTES + " bytes");
      }
      parts.add(part);
    }
    return new Parsed(new EntryPath(parts), null);
  }

  /** The result of {@link #parse}: a path, or the reason the name is refused. */
  public record Parsed(EntryPath path, String refusal) {}

  /** True for the root itself ({@code ./}). */
  public boolean isRoot() {
    return components.isEmpty();
  }

  /** The last component; the empty string for the root. */
  public String fileName() {
    return isRoot() ? "" : components.get(components.size() - 1);
  }

  /** The components of the parent directory. */
  public List<String> parent() {
    return isRoot() ? List.of() : components.subList(0, components.size() - 1);
  }

  /** The path as {@code a/b/c} (empty for the root). */
  @Override
  public String toString() {
    return String.join("/", components);
  }
}
