package dev.estiba.run.image;

import dev.estiba.run.RunException;
import dev.estiba.run.diff.FileStat;
import dev.estiba.run.diff.LowerView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code USER} value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) resolved as
 * Docker does through the image's {@code /etc/passwd} and {@code /etc/group}: a user's primary group
 * from passwd, supplementary groups from the groups that list the user by name.
 */
public record ImageUser(int uid, int gid, List<Integer> additionalGids) {
  public static final ImageUser ROOT = new ImageUser(0, 0, List.of());

  public static ImageUser resolve(String user, LowerView root) throws IOException {
    if (user == null || user.isEmpty()) {
      return ROOT;
    }
    String[] parts = user.split(":", 2);
    List<String[]> passwd = table(root, "etc/passwd", 7);
    List<String[]> groups = table(root, "etc/group", 4);
    String name = null;
    int uid;
    int gid = 0;
    if (isNumber(parts[0])) {
      uid = Integer.parseInt(parts[0]);
      for (String[] line : passwd) {
        if (line[2].equals(parts[0])) {
          name = line[0];
          gid = Integer.parseInt(line[3]);
          break;
        }
      }
    } else {
      String[] line = passwd.stream().filter(l -> l[0].equals(parts[0])).findFirst().orElseThrow(
          () -> new RunException("unable to find user " + parts[0] + ": no matching entries in passwd file"));
      name = line[0];
      uid = Integer.parseInt(line[2]);
      gid = Integer.parseInt(line[3]);
    }
    if (parts.length == 2) {
      if (isNumber(parts[1])) {
        gid = Integer.parseInt(parts[1]);
      } else {
        gid = Integer.parseInt(groups.stream().filter(g -> g[0].equals(parts[1])).findFirst().orElseThrow(
            () -> new RunException("unable to find group " + parts[1] + ": no matching entries in group file"))[2]);
      }
    }
    List<Integer> additional = new ArrayList<>();
    if (name != null && parts.length == 1) {
      for (String[] group : groups) {
        int id = Integer.parseInt(group[2]);
        if (id != gid && List.of(group[3].split(",")).contains(name) && !additional.contains(id)) {
          additional.add(id);
        }
      }
    }
    return new ImageUser(uid, gid, additional);
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
  }

  /** Lines with at least {@code fields} colon-separated fields and numeric ids; others skipped. */
  private static List<String[]> table(LowerView root, String path, int fields) throws IOException {
    Path file = root.locate(path);
    FileStat stat = file == null ? null : FileStat.of(file);
    List<String[]> out = new ArrayList<>();
    if (stat == null || !stat.isRegularFile()) {
      return out;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(":", -1);
      if (f.length >= fields && isNumber(f[2]) && (fields < 7 || isNumber(f[3]))) {
        out.add(f);
      }
    }
    return out;
  }
}
