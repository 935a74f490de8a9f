package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CompressionTest {

  @ParameterizedTest
  @CsvSource({
    "gzip, GZIP, 6, +gzip",
    "ZSTD, ZSTD, 3, +zstd",
    "None, NONE, 0, ''",
  })
  void parsesNamesWithDefaults(String name, CompressionAlgorithm algorithm, int level,
      String suffix) {
    Compression c = Compression.of(CompressionAlgorithm.parse(name));
    assertSame(algorithm, c.algorithm());
    assertEquals(level, c.level());
    assertEquals(suffix, c.algorithm().mediaTypeSuffix());
    assertSame(algorithm, c.compressor().algorithm());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "GZIP | 0  | 1 | gzip level 0 is out of range 1..9",
    "GZIP | 10 | 1 | gzip level 10 is out of range 1..9",
    "ZSTD | 20 | 1 | zstd level 20 is out of range 1..19",
    "ZSTD | 3  | 0 | compression threads must be at least 1, got 0",
  })
  void rejectsOutOfRangeSettings(CompressionAlgorithm a, int level, int threads, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> new Compression(a, level, threads)).getMessage());
  }

  @Test
  void rejectsUnknownNames() {
    assertEquals("unknown compression \"lz4\": expected gzip, zstd or none",
        assertThrows(IllegalArgumentException.class, () -> CompressionAlgorithm.parse("lz4"))
            .getMessage());
  }

  @Test
  void noneLevelIsZeroAndPassesBytesThrough() throws IOException {
    Compression none = new Compression(CompressionAlgorithm.NONE, 7, 2);
    assertEquals(0, none.level());
    byte[] data = TestBytes.mixed(1000, 1);
    assertArrayEquals(data, TestBytes.compress(none.compressor(), data, 100));
  }

  @Test
  void factoryHonoursLevelAndThreads() throws IOException {
    byte[] data = TestBytes.mixed(400_000, 3);
    Compression gz = Compression.gzip().withLevel(1).withThreads(2);
    assertArrayEquals(TestBytes.compress(new GzipCompressor(1, 2,
        ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE), data, 4096),
        TestBytes.compress(gz.compressor(), data, 4096));
    assertArrayEquals(TestBytes.compress(new ZstdCompressor(9, 1), data, 4096),
        TestBytes.compress(Compression.zstd().withLevel(9).compressor(), data, 4096));
  }
}
