package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressionTest {

  @ParameterizedTest
  @CsvSource({
    "gzip, GZIP, 6, ParallelGzipCompression",
    "zstd, ZSTD, 3, ParallelZstdCompression",
    "none, NONE, 0, NoCompression",
  })
  void parsesNamesWithDefaults(String name, CompressionType type, int level, String impl) {
    CompressionChoice c = CompressionChoice.parse(name);
    assertSame(type, c.type());
    assertEquals(level, c.level());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.threads());
    assertSame(type, c.compression().type());
    assertEquals(impl, c.compression().getClass().getSimpleName());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "GZIP | 0  | 1 | gzip level 0 is out of range 1..9",
    "GZIP | 10 | 1 | gzip level 10 is out of range 1..9",
    "ZSTD | 20 | 1 | zstd level 20 is out of range 1..19",
    "ZSTD | 3  | 0 | compression threads must be at least 1, got 0",
  })
  void rejectsOutOfRangeSettings(CompressionType t, int level, int threads, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> new CompressionChoice(t, level, threads)).getMessage());
  }

  @Test
  void noneLevelIsZeroAndPassesBytesThrough() throws IOException {
    CompressionChoice none = new CompressionChoice(CompressionType.NONE, 7, 2);
    assertEquals(0, none.level());
    byte[] data = TestBytes.mixed(1000, 1);
    assertArrayEquals(data, TestBytes.compress(none.compression(), data, 100));
  }

  @Test
  void factoriesHonourLevelAndThreads() throws IOException {
    byte[] data = TestBytes.mixed(400_000, 3);
    byte[] expected = TestBytes.compress(new ParallelGzipCompression(1, 2), data, 4096);
    assertArrayEquals(expected, TestBytes.compress(
        CompressionChoice.parse("gzip").withLevel(1).withThreads(2).compression(), data, 4096));
    assertArrayEquals(expected, TestBytes.compress(Compression.gzip(1), data, 4096),
        "the layer writer's gzip is the parallel one");
    byte[] zstd9 = TestBytes.compress(new ParallelZstdCompression(9, 1), data, 4096);
    assertArrayEquals(zstd9, TestBytes.compress(
        CompressionChoice.parse("zstd").withLevel(9).compression(), data, 4096));
    assertArrayEquals(zstd9, TestBytes.compress(Compression.zstd(9), data, 4096));
  }

  @Test
  void closingLeavesTheSinkOpen() throws IOException {
    for (Compression c : new Compression[] {Compression.gzip(6, 2), Compression.zstd(3, 2)}) {
      java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream() {
        @Override
        public void close() {
          throw new AssertionError(c + " closed its sink");
        }
      };
      c.compress(sink).close();
      assertEquals(true, sink.size() > 0);
    }
  }
}
