package dev.estiba.layer.testing;

import dev.estiba.layer.read.LayerSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small layer tars for tests, including malformed ones. */
public final class TestTar {

  /** The mtime every entry gets unless told otherwise. */
  public static final Instant MTIME = Instant.parse("2024-05-06T07:08:09Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  private TestTar(int longFileMode) {
    tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(longFileMode);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** A tar with PAX headers for long names. */
  public static TestTar create() {
    return new TestTar(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  /** A tar with GNU {@code ././@LongLink} entries for long names. */
  public static TestTar gnu() {
    return new TestTar(TarArchiveOutputStream.LONGFILE_GNU);
  }

  /** A directory, mode 0755. */
  public TestTar dir(String name) {
    return dir(name, 0755);
  }

  /** A directory. */
  public TestTar dir(String name, int mode) {
    return entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode, e -> {}, null);
  }

  /** A file with text content, mode 0644. */
  public TestTar file(String name, String content) {
    return file(name, content, 0644);
  }

  /** A file with text content. */
  public TestTar file(String name, String content, int mode) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  /** A file. */
  public TestTar file(String name, byte[] content, int mode) {
    return entry(name, TarConstants.LF_NORMAL, mode, e -> e.setSize(content.length), content);
  }

  /** A symlink. */
  public TestTar symlink(String name, String target) {
    return entry(name, TarConstants.LF_SYMLINK, 0777, e -> e.setLinkName(target), null);
  }

  /** A hard link to {@code target}. */
  public TestTar hardlink(String name, String target) {
    return entry(name, TarConstants.LF_LINK, 0644, e -> e.setLinkName(target), null);
  }

  /** Any entry, adjusted by {@code edit} before it is written. */
  public TestTar entry(String name, byte type, int mode, Consumer<TarArchiveEntry> edit,
      byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode(mode);
    e.setModTime(MTIME.toEpochMilli());
    edit.accept(e);
    try {
      tar.putArchiveEntry(e);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }

  /**
   * A tar of one header claiming {@code size} bytes (in star's binary number format) and no
   * content, then the end-of-archive blocks.
   */
  public static byte[] headerOnly(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    e.setMode(0644);
    e.setSize(size);
    byte[] out = new byte[512 * 3];
    try {
      e.writeEntryHeader(out, org.apache.commons.compress.archivers.zip.ZipEncodingHelper
          .getZipEncoding(StandardCharsets.UTF_8), true);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }

  /** The finished tar. */
  public byte[] bytes() {
    try {
      tar.close();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  /** A layer over {@code blob}. */
  public static LayerSource source(String name, byte[] blob) {
    return new LayerSource(name, () -> new ByteArrayInputStream(blob), null);
  }

  /** {@code sha256:<hex>} of {@code data}. */
  public static String sha256(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
