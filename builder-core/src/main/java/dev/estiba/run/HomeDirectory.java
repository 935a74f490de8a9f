package dev.estiba.run;

import dev.estiba.run.diff.FileStat;
import dev.estiba.run.diff.LowerView;
import dev.estiba.run.rootfs.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets {@code HOME} as runc does when the step's environment lacks it: the user's home from the
 * root's {@code /etc/passwd}, else {@code /}. Done here so every backend gives the same environment.
 */
final class HomeDirectory {
  private HomeDirectory() {}

  static RunSpec withHome(RunSpec spec) throws IOException {
    ProcessSpec process = spec.process();
    if (process.env().stream().anyMatch(e -> e.startsWith("HOME="))) {
      return spec;
    }
    String home = lookup(passwd(spec.rootFs()), process.uid());
    List<String> env = new ArrayList<>(process.env());
    env.add("HOME=" + home);
    return new RunSpec(spec.rootFs(), process.withEnv(env), spec.mounts(), spec.network(), spec.security(), spec.limits());
  }

  private static Path passwd(RootFs rootFs) throws IOException {
    if (rootFs instanceof RootFs.Directory directory) {
      return directory.dir().resolve("etc/passwd");
    }
    RootFs.Layered layered = (RootFs.Layered) rootFs;
    Path upper = layered.upper().resolve("etc/passwd");
    FileStat stat = FileStat.ofOrNull(upper);
    if (stat != null) {
      return stat.isWhiteout() ? null : upper;
    }
    return new LowerView(layered.lowers()).locate("etc/passwd");
  }

  /** The sixth field of the line whose third field is {@code uid}; {@code /} when none. */
  static String lookup(Path passwd, int uid) throws IOException {
    // Not through a symlink: an absolute one would name the host's file.
    FileStat stat = passwd == null ? null : FileStat.ofOrNull(passwd);
    if (stat == null || !stat.isRegularFile()) {
      return "/";
    }
    for (String line : Files.readAllLines(passwd)) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 7 && fields[2].equals(Integer.toString(uid)) && !fields[5].isEmpty()) {
        return fields[5];
      }
    }
    return "/";
  }
}
