package dev.estiba.layer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.estiba.layer.Compression;
import dev.estiba.layer.apply.ApplyOptions;
import dev.estiba.layer.apply.LayerApplier;
import dev.estiba.layer.read.InvalidLayerException;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.testing.TestTar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileIndexTest {

  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

  @AfterEach
  void closeFs() throws IOException {
    fs.close();
  }

  /** Layer blobs stored in jimfs, as the content store would hold them. */
  private List<LayerSource> layers(byte[]... tars) throws IOException {
    List<LayerSource> out = new ArrayList<>();
    for (int i = 0; i < tars.length; i++) {
      Path blob = fs.getPath("/blobs/L" + (i + 1));
      Files.createDirectories(blob.getParent());
      try (OutputStream o = (i % 2 == 0 ? Compression.gzip(6, 2) : Compression.zstd(3, 2))
          .compress(Files.newOutputStream(blob))) {
        o.write(tars[i]);
      }
      out.add(new LayerSource("L" + (i + 1), () -> Files.newInputStream(blob), null)
          .withDiffId(TestTar.sha256(tars[i])));
    }
    return out;
  }

  private static final byte[] BASE = TestTar.create()
      .dir("etc")
      .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644)
      .file("etc/group", "root:x:0:\n", 0644)
      .dir("usr/lib")
      .file("usr/lib/libc.so", "libc", 0755)
      .symlink("lib", "usr/lib")
      .symlink("app", "/srv/app")
      .file("srv/app/old.txt", "old")
      .file("srv/app/sub/deep.txt", "deep")
      .file("tmp/gone", "x")
      .dir("var/cache")
      .file("var/cache/a", "a")
      .bytes();

  private static final byte[] MIDDLE = TestTar.create()
      .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n",
          0600)
      .file("lib/libz.so", "libz", 0755)
      .file("tmp/.wh.gone", "")
      .file("srv/app/.wh..wh..opq", "")
      .file("srv/app/new.txt", "new")
      .hardlink("srv/app/same.txt", "srv/app/new.txt")
      .file("var/cache", "now a file")
      .bytes();

  private static final byte[] TOP = TestTar.create()
      .file(".wh.var", "")
      .symlink("loop1", "loop2")
      .symlink("loop2", "loop1")
      .symlink("up", "../../..")
      .bytes();

  private static String describe(IndexedFile f) {
    return (f.path().isEmpty() ? "/" : f.path()) + " " + f.type() + " "
        + Integer.toOctalString(f.mode()) + (f.linkTarget().isEmpty() ? "" : " -> " + f.linkTarget())
        + (f.implicit() ? " implicit" : "") + " L" + f.layer();
  }

  @Test
  void finalTreeAppliesWhiteoutsOpaqueDirectoriesAndReplacements() throws IOException {
    ImageFileIndex index = ImageFileIndex.build(layers(BASE, MIDDLE, TOP));
    assertEquals(List.of(
        "/ DIRECTORY 755 implicit L-1",
        "app SYMLINK 777 -> /srv/app L0",
        "etc DIRECTORY 755 L0",
        "etc/group FILE 644 L0",
        "etc/passwd FILE 600 L1",
        "lib SYMLINK 777 -> usr/lib L0",
        "loop1 SYMLINK 777 -> loop2 L2",
        "loop2 SYMLINK 777 -> loop1 L2",
        "srv DIRECTORY 755 implicit L0",
        "srv/app DIRECTORY 755 implicit L0",
        "srv/app/new.txt FILE 644 L1",
        "srv/app/same.txt HARDLINK 644 -> srv/app/new.txt L1",
        "tmp DIRECTORY 755 implicit L0",
        "up SYMLINK 777 -> ../../.. L2",
        "usr DIRECTORY 755 implicit L0",
        "usr/lib DIRECTORY 755 L0",
        "usr/lib/libc.so FILE 755 L0",
        "usr/lib/libz.so FILE 755 L1"),
        index.files().stream().map(ImageFileIndexTest::describe).toList());
  }

  @Test
  void lookupsResolveSymlinksInsideTheTree() throws IOException {
    ImageFileIndex index = ImageFileIndex.build(layers(BASE, MIDDLE, TOP));
    assertEquals(Optional.of("srv/app/config/app.yml"), index.resolve("/app/config/app.yml", true),
        "a COPY destination through an absolute symlinked directory");
    assertEquals(Optional.of("usr/lib/libz.so"), index.resolve("lib/libz.so", true));
    assertEquals(Optional.of("srv/app"), index.resolve("/app", true));
    assertEquals(Optional.of("app"), index.resolve("/app", false));
    assertEquals(Optional.of("etc/passwd"), index.resolve("/up/etc/passwd", true),
        "'..' stops at the root, as in the container");
    assertEquals(Optional.empty(), index.resolve("/loop1/x", true));
    assertEquals(Optional.empty(), index.resolve("/etc/passwd/x", true), "through a file");
    assertEquals(Optional.of("missing/x"), index.resolve("/missing/x", true));
    assertEquals("FILE", index.lookup("/lib/libc.so").orElseThrow().type().name());
    assertEquals("SYMLINK", index.lookupNoFollow("/lib").orElseThrow().type().name());
    assertEquals("DIRECTORY", index.lookup("/lib").orElseThrow().type().name());
    assertEquals(Optional.empty(), index.get("/lib/libc.so"), "get follows no link");
    assertEquals(List.of("usr/lib/libc.so", "usr/lib/libz.so"),
        index.list("/lib").stream().map(IndexedFile::path).toList());
  }

  @Test
  void readsOneFilesBytesFromTheLayerThatWroteIt() throws IOException {
    ImageFileIndex index = ImageFileIndex.build(layers(BASE, MIDDLE, TOP));
    assertEquals("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n",
        new String(index.readFile("/etc/passwd", 1 << 20), StandardCharsets.UTF_8));
    assertEquals("root:x:0:\n",
        new String(index.readFile("/etc/group", 1 << 20), StandardCharsets.UTF_8));
    assertEquals("libc", new String(index.readFile("/lib/libc.so", 100), StandardCharsets.UTF_8));
    assertEquals("new", new String(index.readFile("/app/same.txt", 100), StandardCharsets.UTF_8));
    assertEquals("/etc: not a regular file but a DIRECTORY",
        assertThrows(IOException.class, () -> index.readFile("/etc", 100)).getMessage());
    assertEquals("/etc/passwd: 65 bytes is more than 10",
        assertThrows(IOException.class, () -> index.readFile("/etc/passwd", 10)).getMessage());
    assertEquals("/srv/app/old.txt: no such file",
        assertThrows(IOException.class, () -> index.readFile("/srv/app/old.txt", 10)).getMessage());
  }

  @Test
  void agreesWithApplyingTheLayers(@TempDir Path root) throws IOException {
    List<LayerSource> layers = layers(BASE, MIDDLE, TOP);
    ImageFileIndex index = ImageFileIndex.build(layers);
    new LayerApplier(ApplyOptions.defaults()).applyAll(root, layers);
    List<String> applied = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = root.relativize(p).toString();
        String type = Files.isSymbolicLink(p) ? "SYMLINK"
            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "DIRECTORY" : "FILE";
        applied.add((rel.isEmpty() ? "/" : rel) + " " + type);
      }
    }
    applied.sort(null);
    List<String> indexed = new ArrayList<>(index.files().stream()
        .map(f -> (f.path().isEmpty() ? "/" : f.path()) + " "
            + (f.type().name().equals("HARDLINK") ? "FILE" : f.type().name()))
        .toList());
    indexed.sort(null);
    assertEquals(applied, indexed);
  }

  @Test
  void refusesWhatApplyingWouldRefuse() throws IOException {
    List<LayerSource> hostile = layers(TestTar.create().symlink("evil", "../..")
        .file("evil/x", "x").bytes());
    assertEquals("layer L1: entry \"evil/x\": symlink \"evil\" leads outside the root",
        assertThrows(InvalidLayerException.class, () -> ImageFileIndex.build(hostile))
            .getMessage());
    List<LayerSource> dotdot = layers(TestTar.create().file("../x", "x").bytes());
    assertEquals("layer L1: entry \"../x\": name has a \"..\" component",
        assertThrows(InvalidLayerException.class, () -> ImageFileIndex.build(dotdot))
            .getMessage());
    List<LayerSource> link = layers(TestTar.create().symlink("up", "..")
        .hardlink("hl", "up/secret").bytes());
    assertEquals("layer L1: entry \"hl\": symlink \"up\" leads outside the root",
        assertThrows(InvalidLayerException.class, () -> ImageFileIndex.build(link))
            .getMessage());
    List<LayerSource> missing = layers(TestTar.create().hardlink("hl", "nothing").bytes());
    assertEquals("layer L1: entry \"hl\": hard link target \"nothing\" does not exist",
        assertThrows(InvalidLayerException.class, () -> ImageFileIndex.build(missing))
            .getMessage());
  }

  @Test
  void typeReplacementDropsTheOldSubtree() throws IOException {
    ImageFileIndex index = ImageFileIndex.build(layers(
        TestTar.create().file("d/x/y", "1").bytes(),
        TestTar.create().symlink("d", "/elsewhere").entry("fifo", TarConstants.LF_FIFO, 0600,
            e -> {}, null).bytes()));
    assertEquals(List.of("/", "d", "fifo"),
        index.files().stream().map(f -> f.path().isEmpty() ? "/" : f.path()).toList());
  }
}
