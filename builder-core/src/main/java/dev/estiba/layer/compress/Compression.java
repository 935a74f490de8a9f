package dev.estiba.layer.compress;

import java.io.OutputStream;

/**
 * A choice of compression for writing layers: algorithm, level and the number of threads one
 * stream may use. The output bytes never depend on {@code threads}.
 *
 * @param algorithm what to write
 * @param level the algorithm's level (ignored, and 0, for {@link CompressionAlgorithm#NONE})
 * @param threads worker threads for one stream, at least 1
 */
public record Compression(CompressionAlgorithm algorithm, int level, int threads) {

  /** Validates the level against the algorithm's range and the thread count. */
  public Compression {
    if (algorithm == null) {
      throw new IllegalArgumentException("compression algorithm is required");
    }
    if (algorithm == CompressionAlgorithm.NONE) {
      level = 0;
    } else if (level < algorithm.minLevel() || level > algorithm.maxLevel()) {
      throw new IllegalArgumentException(
          algorithm.cliName() + " level " + level + " is out of range "
              + algorithm.minLevel() + ".." + algorithm.maxLevel());
    }
    if (threads < 1) {
      throw new IllegalArgumentException("compression threads must be at least 1, got " + threads);
    }
  }

  /** gzip at level 6 on every available processor. */
  public static Compression gzip() {
    return of(CompressionAlgorithm.GZIP);
  }

  /** zstd at level 3 on every available processor. */
  public static Compression zstd() {
    return of(CompressionAlgorithm.ZSTD);
  }

  /** No compression. */
  public static Compression none() {
    return of(CompressionAlgorithm.NONE);
  }

  /** The algorithm at its default level on every available processor. */
  public static Compression of(CompressionAlgorithm algorithm) {
    return new Compression(
        algorithm, algorithm.defaultLevel(), Runtime.getRuntime().availableProcessors());
  }

  /** This choice with another level. */
  public Compression withLevel(int newLevel) {
    return new Compression(algorithm, newLevel, threads);
  }

  /** This choice with another thread count. */
  public Compression withThreads(int newThreads) {
    return new Compression(algorithm, level, newThreads);
  }

  /** The compressor for this choice. */
  public Compressor compressor() {
    return switch (algorithm) {
      case GZIP -> new GzipCompressor(level, threads, ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE);
      case ZSTD -> new ZstdCompressor(level, threads);
      case NONE -> new Compressor() {
        @Override
        public OutputStream wrap(OutputStream out) {
          return out;
        }

        @Override
        public CompressionAlgorithm algorithm() {
          return CompressionAlgorithm.NONE;
        }
      };
    };
  }
}
