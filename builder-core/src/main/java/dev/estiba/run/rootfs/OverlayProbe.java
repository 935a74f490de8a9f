package dev.estiba.run.rootfs;

import dev.estiba.files.FileTrees;
import dev.estiba.run.Executables;
import dev.estiba.run.state.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tries an overlay mount in a throw-away private mount namespace, on the file system the step
 * directories live on (overlayfs refuses some upper file systems, overlayfs itself among them).
 */
public final class OverlayProbe {
  private OverlayProbe() {}

  public static boolean works(Path dir) throws IOException {
    var unshare = Executables.find("unshare");
    if (unshare.isEmpty()) {
      return false;
    }
    Path probe = Files.createTempDirectory(dir, "estiba-probe-");
    try {
      for (String name : List.of("lower", "upper", "work", "merged")) {
        Files.createDirectory(probe.resolve(name));
      }
      String options = OverlayOptions.of(List.of(probe.resolve("lower")), probe.resolve("upper"), probe.resolve("work"));
      Commands.Outcome outcome =
          Commands.run(
              List.of(unshare.get().toString(), "--mount", "--propagation", "private", "--",
                  "mount", "-t", "overlay", "overlay", "-o", options, probe.resolve("merged").toString()));
      return outcome.exitCode() == 0;
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      FileTrees.deleteTree(probe);
    }
  }
}
