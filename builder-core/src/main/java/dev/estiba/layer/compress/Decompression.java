package dev.estiba.layer.compress;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Opens a possibly compressed layer blob as its tar bytes, telling the format by magic bytes. */
public final class Decompression {

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int MAGIC_LENGTH = 6;

  private Decompression() {}

  /** A decompressed view of a blob and the format it was found in. */
  public record Opened(DetectedFormat format, InputStream stream) {}

  /**
   * Tells the format of a blob from its first bytes ({@code head} may be shorter than 6 bytes).
   */
  public static DetectedFormat detect(byte[] head, int length) {
    if (length >= 2 && u(head[0]) == 0x1f && u(head[1]) == 0x8b) {
      return DetectedFormat.GZIP;
    }
    if (length >= 4 && u(head[0]) == 0x28 && u(head[1]) == 0xb5 && u(head[2]) == 0x2f
        && u(head[3]) == 0xfd) {
      return DetectedFormat.ZSTD;
    }
    if (length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return DetectedFormat.BZIP2;
    }
    if (length >= 6 && u(head[0]) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
        && head[4] == 'Z' && head[5] == 0) {
      return DetectedFormat.XZ;
    }
    return DetectedFormat.NONE;
  }

  /**
   * Reads the first bytes of {@code in} and returns the matching decompressing stream; closing it
   * closes {@code in}. Multi-member gzip and multi-frame zstd streams are read to their end.
   */
  public static Opened open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
    buffered.mark(MAGIC_LENGTH);
    byte[] head = buffered.readNBytes(MAGIC_LENGTH);
    buffered.reset();
    DetectedFormat format = detect(head, head.length);
    InputStream stream = switch (format) {
      case GZIP -> new GZIPInputStream(buffered, BUFFER_SIZE);
      case ZSTD -> new ZstdInputStreamNoFinalizer(buffered);
      case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
      case XZ -> new XZCompressorInputStream(buffered, true);
      case NONE -> buffered;
    };
    return new Opened(format, stream);
  }

  private static int u(byte b) {
    return b & 0xff;
  }
}
