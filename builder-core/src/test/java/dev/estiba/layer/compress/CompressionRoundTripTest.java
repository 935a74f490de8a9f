package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CompressionRoundTripTest {

  private static final int BLOCK = ParallelGzipOutputStream.DICTIONARY_SIZE;

  /** Sizes that straddle the block boundaries of a 32 KiB gzip block, and random ones. */
  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK - 1, 3 * BLOCK + 1),
        Arbitraries.integers().between(0, 300_000));
  }

  @Property(tries = 60)
  void gzipRoundTripsAndIgnoresThreadCount(@ForAll("sizes") int size, @ForAll long seed,
      @ForAll("chunks") int chunk) throws IOException {
    byte[] data = TestBytes.mixed(size, seed);
    byte[] one = TestBytes.compress(new ParallelGzipCompression(6, 1, BLOCK), data, chunk);
    assertArrayEquals(one, TestBytes.compress(new ParallelGzipCompression(6, 3, BLOCK), data, chunk + 1));
    assertArrayEquals(data, TestBytes.decompress(one));
  }

  @Property(tries = 30)
  void zstdRoundTripsAndIgnoresThreadCount(@ForAll("sizes") int size, @ForAll long seed,
      @ForAll("chunks") int chunk) throws IOException {
    byte[] data = TestBytes.mixed(size, seed);
    byte[] one = TestBytes.compress(new ParallelZstdCompression(3, 1), data, chunk);
    assertArrayEquals(one, TestBytes.compress(new ParallelZstdCompression(3, 2), data, chunk + 1));
    assertArrayEquals(data, TestBytes.decompress(one));
  }

  @Provide
  Arbitrary<Integer> chunks() {
    return Arbitraries.integers().between(1, 70_000);
  }
}
