package dev.estiba.run.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Mount points of this process's mount namespace, from {@code /proc/self/mountinfo}. */
public final class Mounts {
  private Mounts() {}

  /** Mount points at or below {@code dir}, deepest first (the order to unmount them in). */
  public static List<Path> under(Path dir) {
    List<Path> found = new ArrayList<>();
    Path base = dir.toAbsolutePath().normalize();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          Path mountPoint = Path.of(unescape(fields[4]));
          if (mountPoint.startsWith(base)) {
            found.add(mountPoint);
          }
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    found.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return found;
  }

  /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        String octal = field.substring(i + 1, Math.min(i + 4, field.length()));
        if (octal.length() == 3 && octal.chars().allMatch(d -> d >= '0' && d <= '7')) {
          out.append((char) Integer.parseInt(octal, 8));
          i += 3;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Lazily unmounts everything below {@code dir}; returns what could not be unmounted. */
  public static List<Path> unmountAll(Path dir) {
    for (Path mountPoint : under(dir)) {
      Commands.runQuietly(List.of("umount", "-l", mountPoint.toString()));
    }
    return under(dir);
  }
}
