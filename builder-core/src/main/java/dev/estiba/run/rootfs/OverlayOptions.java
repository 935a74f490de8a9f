package dev.estiba.run.rootfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The option string of an overlay mount, checked against what the kernel can parse. */
public final class OverlayOptions {
  /** mount(2) takes the options as one page. */
  static final int MAX_LENGTH = 4000;

  private OverlayOptions() {}

  /**
   * @param lowers layer directories, bottom first (overlay wants the top one first)
   */
  public static String of(List<Path> lowers, Path upper, Path work) {
    List<Path> topFirst = new ArrayList<>(lowers);
    Collections.reverse(topFirst);
    for (Path p : topFirst) {
      check(p);
    }
    check(upper);
    check(work);
    String options =
        "lowerdir=" + topFirst.stream().map(Path::toString).collect(Collectors.joining(":"))
            + ",upperdir=" + upper + ",workdir=" + work;
    if (options.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "too many layers for one overlay mount (" + lowers.size() + " layers, " + options.length()
              + " bytes of options; the kernel takes " + MAX_LENGTH + ")");
    }
    return options;
  }

  private static void check(Path p) {
    String s = p.toString();
    if (!p.isAbsolute() || s.contains(",") || s.contains(":") || s.contains("\\")) {
      throw new IllegalArgumentException(
          "overlay cannot take the directory " + s + " (it must be absolute, without ',', ':' or '\\\\')");
    }
  }
}
