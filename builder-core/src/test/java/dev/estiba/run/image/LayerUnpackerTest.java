package dev.estiba.run.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.layer.read.InvalidLayerException;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.run.diff.FileStat;
import dev.estiba.run.diff.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer tars into overlay-format directories (as root: whiteouts are devices, opaque is a trusted xattr). */
class LayerUnpackerTest {
  @TempDir Path tmp;

  private static byte[] tar(Object[]... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (Object[] e : entries) {
        String name = (String) e[0];
        byte type = (Byte) e[1];
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        String content = e.length > 2 ? (String) e[2] : "";
        if (type == TarConstants.LF_SYMLINK || type == TarConstants.LF_LINK) {
          entry.setLinkName(content);
          content = "";
        }
        entry.setMode(type == TarConstants.LF_DIR ? 0755 : 04750);
        entry.setIds(7, 8);
        entry.setSize(content.length());
        out.putArchiveEntry(entry);
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void extract(byte[] tar, Path root) throws IOException {
    LayerUnpacker.extract(new LayerSource("test.tar", () -> new ByteArrayInputStream(tar), null), root);
  }

  @Test
  void whiteoutsOpaqueDirsLinksAndMetadata() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for whiteouts and trusted xattrs");
    Path root = Files.createDirectories(tmp.resolve("layer"));
    extract(tar(
        new Object[] {"etc/", TarConstants.LF_DIR},
        new Object[] {"etc/.wh.old", TarConstants.LF_NORMAL},
        new Object[] {"opt/", TarConstants.LF_DIR},
        new Object[] {"opt/.wh..wh..opq", TarConstants.LF_NORMAL},
        new Object[] {"opt/tool", TarConstants.LF_NORMAL, "bin"},
        new Object[] {"opt/same", TarConstants.LF_LINK, "opt/tool"},
        new Object[] {"./opt/link", TarConstants.LF_SYMLINK, "tool"}), root);
    assertTrue(FileStat.of(root.resolve("etc/old")).isWhiteout());
    assertEquals("y", Xattrs.get(root.resolve("opt"), Xattrs.TRUSTED_OPAQUE));
    FileStat tool = FileStat.of(root.resolve("opt/tool"));
    assertEquals(List.of(04750, 7, 8, 2), List.of(tool.permissions(), tool.uid(), tool.gid(), tool.links()));
    assertEquals("bin", Files.readString(root.resolve("opt/same")));
    assertEquals(Path.of("tool"), Files.readSymbolicLink(root.resolve("opt/link")));
  }

  @Test
  void refusesEntriesThatLeaveTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("hostile"));
    InvalidLayerException dotdot = assertThrows(InvalidLayerException.class, () -> extract(
        tar(new Object[] {"../escape", TarConstants.LF_NORMAL, "x"}), root));
    assertEquals("layer test.tar: entry \"../escape\": name has a \"..\" component", dotdot.getMessage());
    extract(tar(
        new Object[] {"out", TarConstants.LF_SYMLINK, tmp.toString()},
        new Object[] {"out/planted", TarConstants.LF_NORMAL, "x"}), root);
    assertTrue(Files.notExists(tmp.resolve("planted")));
    assertEquals("x", Files.readString(root.resolve(tmp.toString().substring(1)).resolve("planted")));
  }
}
