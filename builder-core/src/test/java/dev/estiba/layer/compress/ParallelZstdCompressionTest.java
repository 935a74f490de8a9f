package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelZstdCompressionTest {

  // Larger than three zstd jobs, so several workers really share the work.
  private static final byte[] DATA = TestBytes.mixed(3 * ParallelZstdCompression.JOB_SIZE + 12_345, 11);

  @Test
  void sameBytesForOneTwoAndFourThreads() throws IOException {
    byte[] one = TestBytes.compress(new ParallelZstdCompression(3, 1), DATA, 100_000);
    assertArrayEquals(one, TestBytes.compress(new ParallelZstdCompression(3, 2), DATA, 100_000));
    assertArrayEquals(one, TestBytes.compress(new ParallelZstdCompression(3, 4), DATA, 100_000));
  }

  @Test
  void sameBytesWhateverTheWriteSizesAndFlushes() throws IOException {
    byte[] whole = TestBytes.compress(new ParallelZstdCompression(3, 2), DATA, DATA.length);
    assertArrayEquals(whole, TestBytes.compress(new ParallelZstdCompression(3, 2), DATA, 777));
  }

  @Test
  void roundTripsAndStartsWithTheZstdMagic() throws IOException {
    byte[] zst = TestBytes.compress(new ParallelZstdCompression(5, 2), DATA, 65_536);
    assertEquals(DetectedFormat.ZSTD, Decompression.detect(zst, zst.length));
    assertArrayEquals(DATA, TestBytes.decompress(zst));
  }

  @Test
  void zstdToolAcceptsItAndGetsTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("layer.tar.zst");
    Files.write(file, TestBytes.compress(new ParallelZstdCompression(3, 2), DATA, 65_536));
    TestBytes.runTool(List.of("zstd", "-q", "-t", file.toString()), dir);
    assertArrayEquals(DATA, TestBytes.runTool(List.of("zstd", "-q", "-dc", file.toString()), dir));
  }
}
