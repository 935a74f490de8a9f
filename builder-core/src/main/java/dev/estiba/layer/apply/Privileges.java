package dev.estiba.layer.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may chown and mknod. */
final class Privileges {

  private Privileges() {}

  /** True when the effective user is root (read from {@code /proc/self}, which root owns then). */
  static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
