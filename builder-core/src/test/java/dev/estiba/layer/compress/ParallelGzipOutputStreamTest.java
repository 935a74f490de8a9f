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

  /** Nine 128 KiB blocks, random and text-like in turn, then a random tail of 20,000 bytes. */
  private static byte[] blocksOfRandomAndText() {
    int block = ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE;
    java.util.Random random = new java.util.Random(5);
    byte[] data = new byte[9 * block + 20_000];
    random.nextBytes(data);
    byte[] letters = "usr lib share doc 0 1 2\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int b = 1; b < 9; b += 2) {
      for (int i = b * block; i < (b + 1) * block; i++) {
        data[i] = letters[random.nextInt(letters.length)];
      }
    }
    return data;
  }

  @Test
  void randomBlocksAreStoredAtTheirSizePlusFiveBytesPer64KiB() throws IOException {
    byte[] random = new byte[4 * ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE];
    new java.util.Random(8).nextBytes(random);
    byte[] gz = gzip(2, 6, random, 50_000);
    // Header 10, trailer 8; each 128 KiB block is three stored blocks (65,535 + 65,535 + 2 bytes) of 5 header bytes.
    assertEquals(10 + random.length + 4 * 3 * 5 + 8, gz.length);
    // The first stored block: not final, type 00, LEN 65,535 and its complement, then the bytes themselves.
    assertArrayEquals(new byte[] {0, (byte) 0xff, (byte) 0xff, 0, 0}, Arrays.copyOfRange(gz, 10, 15));
    assertArrayEquals(Arrays.copyOf(random, 100), Arrays.copyOfRange(gz, 15, 115));
    // The very last stored block carries the final bit.
    int lastHeader = gz.length - 8 - 2 - 5;
    assertArrayEquals(new byte[] {1, 2, 0, (byte) 0xfd, (byte) 0xff}, Arrays.copyOfRange(gz, lastHeader, lastHeader + 5));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertArrayEquals(random, in.readAllBytes());
    }
  }

  @Test
  void storedAndDeflatedBlocksMixTheSameForAnyThreadCount() throws IOException {
    byte[] data = blocksOfRandomAndText();
    byte[] one = gzip(1, 6, data, 70_000);
    assertArrayEquals(one, gzip(2, 6, data, 1_000_000));
    assertArrayEquals(one, gzip(3, 6, data, 4_096));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(one))) {
      assertArrayEquals(data, in.readAllBytes());
    }
    // The five random blocks and the random tail (over 16 KiB) are stored: their bytes stand in the output
    // behind a stored-block header. The four text blocks are deflated: their bytes do not.
    int block = ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE;
    for (int b = 0; b < 10; b++) {
      int length = b < 9 ? block : 20_000;
      int first = Math.min(length, 65_535);
      byte[] header = {(byte) (b == 9 ? 1 : 0), (byte) first, (byte) (first >>> 8), (byte) ~first,
          (byte) (~first >>> 8)};
      byte[] start = Arrays.copyOfRange(data, b * block, b * block + 64);
      int at = indexOf(one, start);
      if (b % 2 == 0 || b == 9) {
        assertArrayEquals(header, Arrays.copyOfRange(one, at - 5, at), "block " + b);
      } else {
        assertEquals(-1, at, "block " + b);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void gzipToolAcceptsStoredAndDeflatedBlocks(@TempDir Path dir) throws Exception {
    byte[] data = blocksOfRandomAndText();
    Path file = dir.resolve("mixed.gz");
    Files.write(file, gzip(2, 6, data, 50_000));
    TestBytes.runTool(List.of("gzip", "-t", file.toString()), dir);
    assertArrayEquals(data, TestBytes.runTool(List.of("gzip", "-dc", file.toString()), dir));
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
