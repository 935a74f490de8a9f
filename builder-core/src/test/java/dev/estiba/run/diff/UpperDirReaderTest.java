package dev.estiba.run.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made upper dir: whiteouts and opaque markers need root (mknod, trusted xattrs). */
class UpperDirReaderTest {
  @TempDir Path tmp;

  private static void mknodWhiteout(Path path) throws Exception {
    assertEquals(0, new ProcessBuilder("mknod", path.toString(), "c", "0", "0").start().waitFor());
  }

  @Test
  void whiteoutsOpaqueDirsAndLeftovers() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for mknod and trusted xattrs");
    Path lower = Files.createDirectories(tmp.resolve("lower"));
    Files.createDirectories(lower.resolve("etc"));
    Files.writeString(lower.resolve("etc/gone"), "x");
    Files.createDirectories(lower.resolve("opt/old"));
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.createDirectories(upper.resolve("proc"));
    Files.createDirectories(upper.resolve("etc"));
    Files.writeString(upper.resolve("etc/hosts"), "");
    mknodWhiteout(upper.resolve("etc/gone"));
    Path opt = Files.createDirectories(upper.resolve("opt"));
    assumeTrue(Xattrs.set(opt, Xattrs.TRUSTED_OPAQUE, "y"), "file system refuses trusted xattrs");
    Files.writeString(opt.resolve("new"), "n");
    Files.createDirectories(upper.resolve("run/secrets"));
    Files.writeString(upper.resolve("mnt-target"), "");

    ChangeSet changes =
        new UpperDirReader(new LowerView(List.of(lower)), Leftovers.of(List.of("/mnt-target"))).read(upper);
    List<String> described = new ArrayList<>();
    for (Change c : changes.changes()) {
      described.add(c.getClass().getSimpleName() + " " + c.path());
    }
    assertEquals(
        List.of("Entry etc", "Deleted etc/gone", "Entry opt", "Opaque opt", "Entry opt/new"),
        described);
  }

  @Test
  void lowerViewHonoursWhiteoutsAndOpaqueDirs() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for mknod and trusted xattrs");
    Path bottom = Files.createDirectories(tmp.resolve("bottom"));
    Files.createDirectories(bottom.resolve("a/b"));
    Files.writeString(bottom.resolve("a/b/c"), "c");
    Files.writeString(bottom.resolve("x"), "x");
    Path top = Files.createDirectories(tmp.resolve("top"));
    Path a = Files.createDirectories(top.resolve("a"));
    assumeTrue(Xattrs.set(a, Xattrs.TRUSTED_OPAQUE, "y"), "file system refuses trusted xattrs");
    mknodWhiteout(top.resolve("x"));
    LowerView view = new LowerView(List.of(bottom, top));
    assertEquals(null, view.find("a/b/c"));
    assertEquals(null, view.find("x"));
    assertEquals(true, view.find("a").isDirectory());
    assertEquals(null, new LowerView(List.of(bottom)).find("nope"));
    assertEquals(true, new LowerView(List.of(bottom)).find("a/b/c").isRegularFile());
  }
}
