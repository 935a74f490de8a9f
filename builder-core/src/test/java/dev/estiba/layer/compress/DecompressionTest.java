package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecompressionTest {

  private static final byte[] TAR_LIKE = TestBytes.mixed(200_000, 5);

  private static byte[] compressWith(DetectedFormat format, byte[] data) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = switch (format) {
      case GZIP -> new GZIPOutputStream(sink);
      case ZSTD -> new ParallelZstdCompression(3, 1).compress(sink);
      case BZIP2 -> new BZip2CompressorOutputStream(sink);
      case XZ -> new XZCompressorOutputStream(sink);
      case NONE -> sink;
    };
    try (out) {
      out.write(data);
    }
    return sink.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(DetectedFormat.class)
  void detectsEachFormatAndReadsItBack(DetectedFormat format) throws IOException {
    Decompression.Opened opened =
        Decompression.open(new ByteArrayInputStream(compressWith(format, TAR_LIKE)));
    assertEquals(format, opened.format());
    try (InputStream in = opened.stream()) {
      assertArrayEquals(TAR_LIKE, in.readAllBytes());
    }
  }

  @Test
  void shortAndEmptyInputsArePlain() throws IOException {
    for (byte[] head : new byte[][] {{}, {0x1f}, {'B', 'Z'}, {0x28, (byte) 0xb5, 0x2f}}) {
      Decompression.Opened opened = Decompression.open(new ByteArrayInputStream(head));
      assertEquals(DetectedFormat.NONE, opened.format());
      assertArrayEquals(head, opened.stream().readAllBytes());
    }
  }

  @Test
  void readsConcatenatedGzipMembers() throws IOException {
    byte[] a = compressWith(DetectedFormat.GZIP, new byte[] {'a', 'b'});
    byte[] b = compressWith(DetectedFormat.GZIP, new byte[] {'c'});
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertArrayEquals(new byte[] {'a', 'b', 'c'},
        Decompression.open(new ByteArrayInputStream(both)).stream().readAllBytes());
  }
}
