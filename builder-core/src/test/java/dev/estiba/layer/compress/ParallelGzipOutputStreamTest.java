package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {

  private static final byte[] DATA = TestBytes.mixed(1_500_000, 42);

  private static byte[] gzip(int threads, int level, byte[] data, int chunk) throws IOException {
    return TestBytes.compress(new ParallelGzipCompression(level, threads), data, chunk);
  }

  @Test
  void sameBytesForOneTwoAndFourThreads() throws IOException {
    byte[] one = gzip(1, 6, DATA, 65_536);
    assertArrayEquals(one, gzip(2, 6, DATA, 65_536));
    assertArrayEquals(one, gzip(4, 6, DATA, 65_536));
  }

  @Test
  void sameBytesWhateverTheWriteSizesAndFlushes() throws IOException {
    byte[] big = gzip(2, 6, DATA, DATA.length);
    assertArrayEquals(big, gzip(2, 6, DATA, 1));
    assertArrayEquals(big, gzip(3, 6, DATA, 131_071));
  }

  @Test
  void headerFieldsAreFixed() throws IOException {
    for (int level : new int[] {1, 6, 9}) {
      assertArrayEquals(ParallelGzipOutputStream.HEADER,
          Arrays.copyOf(gzip(2, level, DATA, 8192), 10));
    }
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255},
        ParallelGzipOutputStream.HEADER);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 6, 9})
  void javaGzipReadsItBack(int level) throws IOException {
    byte[] gz = gzip(2, level, DATA, 10_000);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertArrayEquals(DATA, in.readAllBytes());
    }
  }

  @Test
  void trailerHoldsCrcAndLength() throws IOException {
    byte[] gz = gzip(2, 6, DATA, 10_000);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(DATA);
    long c = crc.getValue();
    int n = gz.length;
    long storedCrc = (gz[n - 8] & 0xffL) | (gz[n - 7] & 0xffL) << 8 | (gz[n - 6] & 0xffL) << 16
        | (gz[n - 5] & 0xffL) << 24;
    long storedLength = (gz[n - 4] & 0xffL) | (gz[n - 3] & 0xffL) << 8 | (gz[n - 2] & 0xffL) << 16
        | (gz[n - 1] & 0xffL) << 24;
    assertEquals(c, storedCrc);
    assertEquals(DATA.length, storedLength);
  }

  @Test
  void compressesAsWellAsOneDeflateStreamNearly() throws IOException {
    byte[] text = TestBytes.mixed(2_000_000, 7);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(plain)) {
      out.write(text);
    }
    byte[] ours = gzip(2, 6, text, 65_536);
    // Preset dictionaries keep the cost of cutting into blocks small (pigz: well under 1%).
    assertEquals(1.0, (double) ours.length / plain.size(), 0.01);
  }

  @Test
  void gzipToolAcceptsItAndGetsTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("layer.tar.gz");
    Files.write(file, gzip(2, 6, DATA, 50_000));
    TestBytes.runTool(List.of("gzip", "-t", file.toString()), dir);
    assertArrayEquals(DATA, TestBytes.runTool(List.of("gzip", "-dc", file.toString()), dir));
  }

  @Test
  void emptyInputIsAValidEmptyGzip(@TempDir Path dir) throws Exception {
    byte[] gz = gzip(2, 6, new byte[0], 1);
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255, 3, 0,
        0, 0, 0, 0, 0, 0, 0, 0}, gz);
    Path file = dir.resolve("empty.gz");
    Files.write(file, gz);
    TestBytes.runTool(List.of("gzip", "-t", file.toString()), dir);
  }

  @Test
  void rejectsBadSettingsAndWritesAfterClose() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    assertEquals("gzip level 0 is out of range 1..9", assertThrows(IllegalArgumentException.class,
        () -> new ParallelGzipOutputStream(sink, 0, 1)).getMessage());
    assertEquals("gzip threads must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> new ParallelGzipOutputStream(sink, 6, 0)).getMessage());
    assertEquals("gzip block size must be at least 32 KiB, got 1024", assertThrows(
        IllegalArgumentException.class,
        () -> new ParallelGzipOutputStream(sink, 6, 1, 1024)).getMessage());
    ParallelGzipOutputStream out = new ParallelGzipOutputStream(sink, 6, 2);
    out.close();
    out.close();
    assertEquals("gzip stream is closed",
        assertThrows(IOException.class, () -> out.write(1)).getMessage());
  }
}
