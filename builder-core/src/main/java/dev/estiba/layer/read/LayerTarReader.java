package dev.estiba.layer.read;

import dev.estiba.image.Digest;
import dev.estiba.layer.EntryType;
import dev.estiba.layer.compress.Decompression;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a layer's tar entries in one pass, in any compression, checking each header and, when the
 * layer has a diff id, the digest of the uncompressed bytes at the end.
 *
 * <p>{@link #next()} returns entries until the end of the archive; the content of a regular file
 * entry is read from {@link #content()} before the next call. Every problem is an {@link
 * InvalidLayerException} naming the layer and the entry.
 */
public final class LayerTarReader implements AutoCloseable {

  private static final String XATTR_PREFIX = "SCHILY.xattr.";

  private final LayerSource source;
  private final long maxEntrySize;
  private final InputStream raw;
  private final TarTail tail;
  private final DigestInputStream digesting;
  private final TarArchiveInputStream tar;
  private int ordinal;
  private String lastName;
  private boolean ended;

  /**
   * Opens {@code source}.
   *
   * @param maxEntrySize largest content size accepted for one entry
   */
  public LayerTarReader(LayerSource source, long maxEntrySize) throws IOException {
    this.source = source;
    this.maxEntrySize = maxEntrySize;
    this.raw = source.opener().open();
    try {
      InputStream plain = Decompression.open(raw).stream();
      this.tail = new TarTail(plain);
      this.digesting = new DigestInputStream(tail, Digest.newSha256());
      // Names in ustar fields are UTF-8 in practice (PAX names always are), whatever the JVM locale.
      this.tar = new TarArchiveInputStream(digesting, "UTF-8");
    } catch (IOException e) {
      raw.close();
      throw new InvalidLayerException(source.name(), null,
          "cannot read the compressed stream: " + e.getMessage(), e);
    }
  }

  /** The layer being read. */
  public LayerSource source() {
    return source;
  }

  /**
   * The next entry, or {@code null} at the end of the archive (after the diff id, if any, was
   * found to match).
   */
  public LayerEntry next() throws IOException {
    if (ended) {
      return null;
    }
    TarArchiveEntry e;
    try {
      e = tar.getNextEntry();
    } catch (IOException | RuntimeException ex) {
      throw new InvalidLayerException(source.name(), null, "corrupt or truncated tar"
          + (lastName == null ? " at its start" : " after entry \"" + printable(lastName) + "\"")
          + ": " + ex.getMessage(), ex);
    }
    if (e == null) {
      ended = true;
      verifyDiffId();
      return null;
    }
    lastName = e.getName();
    return check(e);
  }

  /** The current regular file's content; reads past its end fail as a truncated layer. */
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return tar.read(b, off, len);
        } catch (IOException ex) {
          throw new InvalidLayerException(source.name(), lastName,
              "content is truncated or corrupt: " + ex.getMessage(), ex);
        }
      }
    };
  }

  private LayerEntry check(TarArchiveEntry e) throws IOException {
    String name = e.getName();
    if (!e.isCheckSumOK()) {
      throw refuse(name, "header checksum mismatch");
    }
    EntryPath.Parsed parsed = EntryPath.parse(name);
    if (parsed.path() == null) {
      throw refuse(name, parsed.refusal());
    }
    EntryType type = typeOf(e);
    if (type == null) {
      throw refuse(name, "unsupported tar entry type " + flagText(e.getLinkFlag())
          + (e.isSparse() ? " (sparse file)" : ""));
    }
    String link = e.getLinkName() == null ? "" : e.getLinkName();
    if (link.indexOf('\0') >= 0) {
      throw refuse(name, "link target contains a NUL byte");
    }
    if ((type == EntryType.SYMLINK || type == EntryType.HARDLINK) && link.isEmpty()) {
      throw refuse(name, "link without a target");
    }
    long size = type == EntryType.FILE ? e.getSize() : 0;
    if (size < 0 || size > maxEntrySize) {
      throw refuse(name, "size " + e.getSize() + " is beyond the limit of " + maxEntrySize
          + " bytes");
    }
    if (type != EntryType.FILE && e.getSize() != 0 && type != EntryType.HARDLINK) {
      throw refuse(name, "a " + type.name().toLowerCase(java.util.Locale.ROOT)
          + " entry with content (" + e.getSize() + " bytes)");
    }
    if (e.getLongUserId() < 0 || e.getLongGroupId() < 0) {
      throw refuse(name, "negative owner");
    }
    Map<String, String> xattrs = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
      if (h.getKey().startsWith(XATTR_PREFIX)) {
        xattrs.put(h.getKey().substring(XATTR_PREFIX.length()), h.getValue());
      }
    }
    return new LayerEntry(ordinal++, name, parsed.path(), type, e.getMode() & 07777,
        e.getLongUserId(), e.getLongGroupId(), size, link, e.getLastModifiedTime().toInstant(),
        xattrs, e.getDevMajor(), e.getDevMinor());
  }

  private static EntryType typeOf(TarArchiveEntry e) {
    if (e.isSparse()) {
      return null;
    }
    if (e.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    return switch (e.getLinkFlag()) {
      case '0', 0, '7' -> EntryType.FILE;
      case '1' -> EntryType.HARDLINK;
      case '2' -> EntryType.SYMLINK;
      case '3' -> EntryType.CHAR_DEVICE;
      case '4' -> EntryType.BLOCK_DEVICE;
      case '6' -> EntryType.FIFO;
      default -> null;
    };
  }

  private static String flagText(byte flag) {
    return flag >= 0x20 && flag < 0x7f ? "'" + (char) flag + "'" : String.valueOf(flag & 0xff);
  }

  private void verifyDiffId() throws IOException {
    try {
      // The digest covers the whole tar, padding after the end-of-archive blocks included.
      digesting.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ex) {
      throw new InvalidLayerException(source.name(), null,
          "corrupt or truncated stream after the end of the tar: " + ex.getMessage(), ex);
    }
    if (!tail.endsWithZeroBlock()) {
      throw new InvalidLayerException(source.name(), null, "truncated tar: "
          + tail.count() + " bytes without an end-of-archive block"
          + (lastName == null ? "" : ", after entry \"" + printable(lastName) + "\""));
    }
    if (source.diffId() == null) {
      return;
    }
    String actual = Digest.ofSha256(digesting.getMessageDigest().digest()).toString();
    if (!actual.equals(source.diffId())) {
      throw new InvalidLayerException(source.name(), null,
          "diff id mismatch: expected " + source.diffId() + ", got " + actual);
    }
  }

  private InvalidLayerException refuse(String entry, String reason) {
    return new InvalidLayerException(source.name(), entry, reason);
  }

  private static String printable(String s) {
    return InvalidLayerException.printable(s);
  }


  @Override
  public void close() throws IOException {
    raw.close();
  }
}
