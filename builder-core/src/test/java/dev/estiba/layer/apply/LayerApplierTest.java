package dev.estiba.layer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.layer.Compression;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.testing.TestTar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerApplierTest {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  @TempDir Path root;

  private void apply(byte[]... layers) throws IOException {
    LayerApplier applier = new LayerApplier(ApplyOptions.defaults());
    for (int i = 0; i < layers.length; i++) {
      applier.apply(root, TestTar.source("L" + (i + 1), layers[i]));
    }
  }

  /** The tree as "path type [content or target]" lines, sorted. */
  private Map<String, String> tree() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String v = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
            : Files.isDirectory(p, NOFOLLOW) ? "dir"
            : Files.isRegularFile(p, NOFOLLOW) ? "file " + Files.readString(p)
            : "special";
        out.put(root.relativize(p).toString(), v);
      }
    }
    return out;
  }

  private int mode(String path) throws IOException {
    return (Integer) Files.getAttribute(root.resolve(path), "unix:mode", NOFOLLOW) & 07777;
  }

  @Test
  void writesFilesDirectoriesLinksModesAndTimes() throws IOException {
    apply(TestTar.create()
        .dir("etc", 0750)
        .file("etc/app.conf", "k=v", 0640)
        .file("usr/bin/tool", "#!/bin/sh", 04755)
        .symlink("etc/link", "../usr/bin/tool")
        .symlink("abs", "/etc/app.conf")
        .symlink("dangling", "../../outside")
        .hardlink("usr/bin/tool2", "usr/bin/tool")
        .entry("run/fifo", TarConstants.LF_FIFO, 0600, e -> {}, null)
        .bytes());
    assertEquals(treeOf(
        "abs", "-> /etc/app.conf",
        "dangling", "-> ../../outside",
        "etc", "dir",
        "etc/app.conf", "file k=v",
        "etc/link", "-> ../usr/bin/tool",
        "run", "dir",
        "run/fifo", "special",
        "usr", "dir",
        "usr/bin", "dir",
        "usr/bin/tool", "file #!/bin/sh",
        "usr/bin/tool2", "file #!/bin/sh"), tree());
    assertEquals(0750, mode("etc"));
    assertEquals(0640, mode("etc/app.conf"));
    assertEquals(04755, mode("usr/bin/tool"));
    assertEquals(0755, mode("usr"), "implied parents are 0755");
    assertEquals(Files.getAttribute(root.resolve("usr/bin/tool"), "unix:ino"),
        Files.getAttribute(root.resolve("usr/bin/tool2"), "unix:ino"));
    assertTrue((Boolean) Files.getAttribute(root.resolve("run/fifo"), "isOther", NOFOLLOW));
    FileTime t = FileTime.from(TestTar.MTIME);
    assertEquals(t, Files.getLastModifiedTime(root.resolve("etc/app.conf")));
    assertEquals(t, Files.getLastModifiedTime(root.resolve("etc"), NOFOLLOW),
        "a directory keeps its time after its children are written");
    assertEquals(t, Files.getLastModifiedTime(root.resolve("abs"), NOFOLLOW));
  }

  private static Map<String, String> treeOf(String... pairs) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void whiteoutsRemoveLowerFilesAndTrees() throws IOException {
    apply(TestTar.create().file("a/keep", "1").file("a/gone", "2").file("d/x/y", "3")
            .file("top", "4").bytes(),
        TestTar.create().file("a/.wh.gone", "").file(".wh.d", "").file(".wh.top", "")
            .file(".wh.never-there", "").file("nodir/.wh.x", "").bytes());
    assertEquals(Map.of("a", "dir", "a/keep", "file 1"), tree());
  }

  @Test
  void whiteoutDoesNotHideTheSameLayersFile() throws IOException {
    apply(TestTar.create().file("f", "lower").bytes(),
        TestTar.create().file("f", "upper").file(".wh.f", "").bytes());
    assertEquals(Map.of("f", "file upper"), tree());
  }

  @Test
  void opaqueDirectoryHidesOnlyLowerChildrenWhateverTheOrder() throws IOException {
    apply(TestTar.create().file("d/old", "1").file("d/sub/old", "2").file("other", "3").bytes(),
        TestTar.create().file("d/new", "n").dir("d/sub").file("d/sub/new", "m")
            .file("d/.wh..wh..opq", "").bytes());
    assertEquals(Map.of("d", "dir", "d/new", "file n", "d/sub", "dir", "d/sub/new", "file m",
        "other", "file 3"), tree());
  }

  @Test
  void writesThroughSymlinkedDirectoriesInsideTheRoot() throws IOException {
    apply(TestTar.create().dir("usr/lib").symlink("lib", "usr/lib").symlink("lib64", "/usr/lib")
            .bytes(),
        TestTar.create().file("lib/a.so", "a").file("lib64/b.so", "b").bytes());
    assertEquals("a", Files.readString(root.resolve("usr/lib/a.so")));
    assertEquals("b", Files.readString(root.resolve("usr/lib/b.so")));
    assertTrue(Files.isSymbolicLink(root.resolve("lib")));
  }

  @Test
  void replacesAcrossTypes() throws IOException {
    apply(TestTar.create().file("d/x", "1").symlink("s", "d").file("f", "2").bytes(),
        TestTar.create().file("d", "now a file").dir("s").symlink("f", "d").bytes());
    assertEquals(Map.of("d", "file now a file", "s", "dir", "f", "-> d"), tree());
  }

  @Test
  void aFileReplacesASymlinkRatherThanWritingThroughIt() throws IOException {
    Path outside = Files.createTempFile("estiba-outside", ".txt");
    try {
      apply(TestTar.create().symlink("f", outside.toString()).bytes(),
          TestTar.create().file("f", "mine").bytes());
      assertEquals("", Files.readString(outside));
      assertEquals("file mine", tree().get("f"));
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void nonAsciiNamesAreUtf8() throws IOException {
    apply(TestTar.create().file("café/naïve-日本.txt", "ü").bytes());
    assertEquals(Map.of("café", "dir", "café/naïve-日本.txt", "file ü"), tree());
  }

  @Test
  void aFileReplacesAHardLinkRatherThanWritingIntoTheSharedInode() throws IOException {
    apply(TestTar.create().file("a", "orig").hardlink("b", "a").bytes(),
        TestTar.create().file("b", "new").bytes());
    assertEquals(Map.of("a", "file orig", "b", "file new"), tree());
  }

  @Test
  void hardLinkToALowerLayersFile() throws IOException {
    apply(TestTar.create().file("a", "shared").bytes(),
        TestTar.create().hardlink("b", "./a").bytes());
    assertEquals("shared", Files.readString(root.resolve("b")));
  }

  @Test
  void restoresOwnersAsRoot() throws IOException {
    Assumptions.assumeTrue(Privileges.isRoot(), "needs root to chown");
    apply(TestTar.create().entry("owned", TarConstants.LF_NORMAL, 0600, e -> {
      e.setUserId(1234);
      e.setGroupId(5678);
    }, new byte[0]).entry("link", TarConstants.LF_SYMLINK, 0777, e -> {
      e.setLinkName("owned");
      e.setUserId(42);
      e.setGroupId(43);
    }, null).bytes());
    assertEquals(1234, Files.getAttribute(root.resolve("owned"), "unix:uid", NOFOLLOW));
    assertEquals(5678, Files.getAttribute(root.resolve("owned"), "unix:gid", NOFOLLOW));
    assertEquals(42, Files.getAttribute(root.resolve("link"), "unix:uid", NOFOLLOW));
  }

  @Test
  void appliesUserXattrsWhereTheFileSystemTakesThem() throws IOException {
    Path probe = Files.createFile(root.resolve("probe"));
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
    try {
      view.write("probe", ByteBuffer.wrap(new byte[] {1}));
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.abort("no user xattrs on this file system: " + e);
    }
    Files.delete(probe);
    apply(TestTar.create().entry("x", TarConstants.LF_NORMAL, 0644, e -> {
      e.addPaxHeader("SCHILY.xattr.user.color", "blue");
      e.addPaxHeader("SCHILY.xattr.security.capability", "ignored");
    }, new byte[0]).bytes());
    UserDefinedFileAttributeView x =
        Files.getFileAttributeView(root.resolve("x"), UserDefinedFileAttributeView.class);
    assertEquals(List.of("color"), x.list());
    ByteBuffer buf = ByteBuffer.allocate(16);
    x.read("color", buf);
    assertEquals("blue", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
  }

  @Test
  void compressedLayersWithMatchingDiffIds() throws IOException {
    byte[] tar1 = TestTar.create().file("a", "gz").bytes();
    byte[] tar2 = TestTar.create().file("b", "zst").bytes();
    new LayerApplier().applyAll(root, List.of(
        TestTar.source("L1", compress(Compression.gzip(6), tar1)).withDiffId(TestTar.sha256(tar1)),
        TestTar.source("L2", compress(Compression.zstd(3), tar2)).withDiffId(TestTar.sha256(tar2))));
    assertEquals(Map.of("a", "file gz", "b", "file zst"), tree());
  }

  @Test
  void devicesWhenAllowedAsRoot() throws IOException {
    Assumptions.assumeTrue(Privileges.isRoot(), "needs root to mknod");
    LayerSource layer = TestTar.source("L1", TestTar.create()
        .entry("dev/null", TarConstants.LF_CHR, 0666, e -> {
          e.setDevMajor(1);
          e.setDevMinor(3);
        }, null).bytes());
    try {
      new LayerApplier(ApplyOptions.defaults().withAllowDevices(true)).apply(root, layer);
    } catch (dev.estiba.layer.read.InvalidLayerException e) {
      Assumptions.abort("mknod is not permitted here: " + e.getMessage());
    }
    assertFalse(Files.isRegularFile(root.resolve("dev/null"), NOFOLLOW));
    assertEquals(0666, mode("dev/null"));
  }

  private static byte[] compress(Compression c, byte[] data) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = c.compress(sink)) {
      out.write(data);
    }
    return sink.toByteArray();
  }
}
