package dev.estiba.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.run.diff.Change;
import dev.estiba.run.diff.ChangeSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test fixture: a base root file system from Debian's busybox-static ({@code /bin/busybox} and a
 * symlink per applet), so no registry is needed; plus helpers to print change sets.
 */
final class BusyboxRootfs {
  private BusyboxRootfs() {}

  /** Builds the base layer under {@code dir}; skips the test when busybox-static is missing. */
  static Path create(Path dir) throws IOException, InterruptedException {
    assumeTrue(Executables.runningAsRoot(), "RUN tests need root (mounts, namespaces, cgroups)");
    Path busybox = Executables.find("busybox").orElse(null);
    assumeTrue(busybox != null,
        "busybox is not installed: apt-get install -y busybox-static (bin/lib/test-env.sh does)");
    byte[] binary = Files.readAllBytes(busybox);
    assumeTrue(!hasInterpreter(binary),
        busybox + " is dynamically linked: apt-get install -y busybox-static");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.write(bin.resolve("busybox"), binary);
    Files.setPosixFilePermissions(bin.resolve("busybox"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Process list = new ProcessBuilder(busybox.toString(), "--list").start();
    String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    list.waitFor();
    for (String applet : applets.split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    return dir;
  }

  /** Whether a 64-bit little-endian ELF file names a dynamic loader (a PT_INTERP header). */
  static boolean hasInterpreter(byte[] elf) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long headers = b.getLong(32);
    int size = Short.toUnsignedInt(b.getShort(54));
    int count = Short.toUnsignedInt(b.getShort(56));
    for (int i = 0; i < count; i++) {
      if (b.getInt((int) headers + i * size) == 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line per change, without times: {@code F data/x 0644 0:0 sha256-prefix}, {@code D dir},
   * {@code H link -> first}, {@code S link -> target}, {@code - deleted}, {@code O opaque}.
   */
  static List<String> describe(ChangeSet changes) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Change change : changes.changes()) {
      if (change instanceof Change.Deleted d) {
        lines.add("- " + d.path());
      } else if (change instanceof Change.Opaque o) {
        lines.add("O " + o.path());
      } else {
        Change.Entry e = (Change.Entry) change;
        String owner = String.format("%04o %d:%d", e.mode(), e.uid(), e.gid());
        switch (e.type()) {
          case FILE -> lines.add("F " + e.path() + " " + owner + " " + sha(e.source()));
          case DIRECTORY -> lines.add("D " + e.path() + " " + owner);
          case SYMLINK -> lines.add("S " + e.path() + " -> " + e.linkTarget());
          case HARDLINK -> lines.add("H " + e.path() + " -> " + e.linkTarget());
          default -> lines.add(e.type() + " " + e.path() + " " + owner);
        }
      }
    }
    return lines;
  }

  private static String sha(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
