package dev.estiba.layer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.layer.Compression;
import dev.estiba.layer.read.InvalidLayerException;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.testing.TestTar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile layers: each is refused with an error naming the entry, and nothing outside the
 * target changes. The target sits two levels below the sandbox so that {@code ../..} lands on
 * files the test watches.
 */
class HostileLayerTest {

  private static final String LONG = "x".repeat(120);

  /** One case: layers applied in order; the last one is refused with {@code message}. */
  record Case(String title, List<byte[]> layers, String diffIdOfLast, String message) {
    @Override
    public String toString() {
      return title;
    }
  }

  private static Case refused(String title, byte[] layer, String message) {
    return new Case(title, List.of(layer), null, message);
  }

  static Stream<Arguments> cases() throws IOException {
    byte[] fileTar = TestTar.create().file("big", "y".repeat(10_000)).bytes();
    byte[] twoFiles = TestTar.create().file("a", "one").file("b", "two").bytes();
    byte[] badChecksum = twoFiles.clone();
    badChecksum[512 + 512 + 10] ^= 0x55; // the second header's name
    byte[] gz = compress(Compression.gzip(6, 1), fileTar);
    byte[] corruptGz = gz.clone();
    corruptGz[gz.length / 2] ^= 0x5a;
    byte[] zst = compress(Compression.zstd(3, 1), fileTar);
    byte[] garbage = new byte[4096];
    new Random(3).nextBytes(garbage);
    garbage[0] = 0x42; // keep it from looking like any compression
    List<Case> cases = new ArrayList<>(List.of(
        refused("dot-dot name", TestTar.create().file("../escape", "x").bytes(),
            "layer L1: entry \"../escape\": name has a \"..\" component"),
        refused("dot-dot inside a name", TestTar.create().file("a/../../escape", "x").bytes(),
            "layer L1: entry \"a/../../escape\": name has a \"..\" component"),
        refused("absolute name", TestTar.create().file("/tmp/escape", "x").bytes(),
            "layer L1: entry \"/tmp/escape\": absolute name"),
        refused("GNU long name with dot-dot",
            TestTar.gnu().file(LONG + "/../../../escape", "x").bytes(),
            "layer L1: entry \"" + LONG + "/../../../escape\": name has a \"..\" component"),
        refused("write through a symlink to ../..",
            TestTar.create().symlink("link", "../..").file("link/escape", "x").bytes(),
            "layer L1: entry \"link/escape\": symlink \"link\" leads outside the root"),
        refused("write through an absolute symlink climbing out",
            TestTar.create().symlink("abs", "/../..").file("abs/escape", "x").bytes(),
            "layer L1: entry \"abs/escape\": symlink \"abs\" leads outside the root"),
        refused("write through a chain of symlinks",
            TestTar.create().symlink("a", "b").symlink("b", "../..").file("a/escape", "x").bytes(),
            "layer L1: entry \"a/escape\": symlink \"b\" leads outside the root"),
        new Case("symlink from a lower layer",
            List.of(TestTar.create().symlink("evil", "../../").bytes(),
                TestTar.create().file("evil/escape", "x").bytes()), null,
            "layer L2: entry \"evil/escape\": symlink \"evil\" leads outside the root"),
        refused("directory replaced by a symlink, then written through",
            TestTar.create().dir("d").symlink("d", "../..").file("d/escape", "x").bytes(),
            "layer L1: entry \"d/escape\": symlink \"d\" leads outside the root"),
        refused("symlink in a deeper directory",
            TestTar.create().dir("a").dir("a/b").symlink("a/b/up", "../../../../")
                .file("a/b/up/escape", "x").bytes(),
            "layer L1: entry \"a/b/up/escape\": symlink \"a/b/up\" leads outside the root"),
        refused("hard link to ../", TestTar.create().hardlink("hl", "../secret.txt").bytes(),
            "layer L1: entry \"hl\": hard link target \"../secret.txt\": name has a \"..\" component"),
        refused("hard link to an absolute path",
            TestTar.create().hardlink("hl", "/etc/passwd").bytes(),
            "layer L1: entry \"hl\": hard link target \"/etc/passwd\": absolute name"),
        refused("hard link through a symlink out",
            TestTar.create().symlink("up", "..").hardlink("hl", "up/secret.txt").bytes(),
            "layer L1: entry \"hl\": symlink \"up\" leads outside the root"),
        refused("hard link to nothing", TestTar.create().hardlink("hl", "missing").bytes(),
            "layer L1: entry \"hl\": hard link target \"missing\" does not exist"),
        refused("hard link to a directory",
            TestTar.create().dir("d").hardlink("hl", "d").bytes(),
            "layer L1: entry \"hl\": hard link target \"d\" is a directory"),
        refused("symlink loop",
            TestTar.create().symlink("a", "b").symlink("b", "a").file("a/x", "x").bytes(),
            "layer L1: entry \"a/x\": too many levels of symbolic links at \"a\""),
        refused("whiteout through a symlink out",
            TestTar.create().symlink("evil", "../..").file("evil/.wh.secret.txt", "").bytes(),
            "layer L1: entry \"evil/.wh.secret.txt\": symlink \"evil\" leads outside the root"),
        refused("opaque marker through a symlink out",
            TestTar.create().symlink("evil", "..").file("evil/.wh..wh..opq", "").bytes(),
            "layer L1: entry \"evil/.wh..wh..opq\": symlink \"evil\" leads outside the root"),
        refused("whiteout of ..", TestTar.create().file("a/.wh..", "").bytes(),
            "layer L1: entry \"a/.wh..\": whiteout names no file"),
        refused("root replaced by a symlink", TestTar.create().symlink(".", "/etc").bytes(),
            "layer L1: entry \".\": cannot replace the root directory"),
        refused("character device",
            TestTar.create().entry("null", TarConstants.LF_CHR, 0666, e -> {
              e.setDevMajor(1);
              e.setDevMinor(3);
            }, null).bytes(),
            "layer L1: entry \"null\": device files are refused (devices not allowed)"),
        refused("block device",
            TestTar.create().entry("sda", TarConstants.LF_BLK, 0660, e -> {
              e.setDevMajor(8);
              e.setDevMinor(0);
            }, null).bytes(),
            "layer L1: entry \"sda\": device files are refused (devices not allowed)"),
        refused("NUL in a name",
            TestTar.create().file("a\0" + LONG, "x").bytes(),
            "layer L1: entry \"a\\0" + LONG + "\": name contains a NUL byte"),
        refused("NUL in a symlink target",
            TestTar.create().symlink("s", "/etc/passwd\0" + LONG).bytes(),
            "layer L1: entry \"s\": link target contains a NUL byte"),
        refused("absurd size",
            TestTar.headerOnly("huge", 1L << 50),
            "layer L1: entry \"huge\": size 1125899906842624 is beyond the limit of "
                + ApplyOptions.DEFAULT_MAX_ENTRY_SIZE + " bytes"),
        refused("sparse file", TestTar.create().entry("sparse", TarConstants.LF_GNUTYPE_SPARSE,
                0644, e -> {}, null).bytes(),
            "layer L1: entry \"sparse\": unsupported tar entry type 'S' (sparse file)"),
        refused("truncated content", Arrays.copyOf(fileTar, 3000),
            "layer L1: entry \"big\": content is truncated or corrupt: Truncated TAR archive"),
        refused("truncated header", Arrays.copyOf(twoFiles, 1024 + 300),
            "layer L1: truncated tar: 1324 bytes without an end-of-archive block, after entry \"a\""),
        refused("corrupt header checksum", badChecksum,
            "layer L1: entry \"b\": header checksum mismatch"),
        refused("not a tar", garbage,
            "layer L1: corrupt or truncated tar at its start: Corrupted TAR archive."),
        refused("corrupt gzip", corruptGz, null),
        refused("truncated gzip", Arrays.copyOf(gz, gz.length - 20), null),
        refused("truncated zstd", Arrays.copyOf(zst, zst.length - 20), null),
        new Case("diff id mismatch", List.of(twoFiles), TestTar.sha256(fileTar),
            "layer L1: diff id mismatch: expected " + TestTar.sha256(fileTar) + ", got "
                + TestTar.sha256(twoFiles))));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndWritesNothingOutside(Case c, @TempDir Path sandbox) throws IOException {
    Path outer = Files.createDirectories(sandbox.resolve("outer"));
    Path target = Files.createDirectories(outer.resolve("target"));
    Files.writeString(outer.resolve("secret.txt"), "outer secret");
    Files.writeString(sandbox.resolve("secret.txt"), "sandbox secret");
    Map<String, String> before = snapshot(sandbox, target);
    LayerApplier applier = new LayerApplier(ApplyOptions.defaults());
    List<LayerSource> layers = new ArrayList<>();
    for (int i = 0; i < c.layers().size(); i++) {
      LayerSource s = TestTar.source("L" + (i + 1), c.layers().get(i));
      layers.add(i == c.layers().size() - 1 && c.diffIdOfLast() != null
          ? s.withDiffId(c.diffIdOfLast()) : s);
    }
    InvalidLayerException e = assertThrows(InvalidLayerException.class,
        () -> applier.applyAll(target, layers));
    if (c.message() != null) {
      assertEquals(c.message(), e.getMessage());
    } else {
      assertEquals("L1", e.layer());
    }
    assertEquals(before, snapshot(sandbox, target), "files outside the target changed");
  }

  /** Every path under {@code dir} outside {@code excluded}, with its content or link target. */
  private static Map<String, String> snapshot(Path dir, Path excluded) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.startsWith(excluded) && !p.equals(excluded)) {
          continue;
        }
        String value = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
            : new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        out.put(dir.relativize(p).toString(), value);
      }
    }
    return out;
  }

  private static byte[] compress(Compression c, byte[] data) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = c.compress(sink)) {
      out.write(data);
    }
    return sink.toByteArray();
  }
}
