package dev.estiba.layer.compress;

import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;

/**
 * A choice of compression for writing layers, as a user gives it: type, level and the number of
 * threads one stream may use. {@link #compression()} makes the {@link Compression} the layer
 * writer takes. The output bytes never depend on {@code threads}.
 *
 * @param type what to write
 * @param level the type's level (0 for {@link CompressionType#NONE})
 * @param threads worker threads for one stream, at least 1
 */
public record CompressionChoice(CompressionType type, int level, int threads) {

  /** Validates the level against the type's range and the thread count. */
  public CompressionChoice {
    if (type == null) {
      throw new IllegalArgumentException("compression type is required");
    }
    if (type == CompressionType.NONE) {
      level = 0;
    } else {
      checkLevel(type, level);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("compression threads must be at least 1, got " + threads);
    }
  }

  /** The type at its default level (gzip 6, zstd 3) on every available processor. */
  public static CompressionChoice of(CompressionType type) {
    return new CompressionChoice(type, defaultLevel(type), availableThreads());
  }

  /** Parses {@code gzip}, {@code zstd} or {@code none}, at the default level. */
  public static CompressionChoice parse(String name) {
    return of(CompressionType.fromCliName(name));
  }

  /** This choice with another level. */
  public CompressionChoice withLevel(int newLevel) {
    return new CompressionChoice(type, newLevel, threads);
  }

  /** This choice with another thread count. */
  public CompressionChoice withThreads(int newThreads) {
    return new CompressionChoice(type, level, newThreads);
  }

  /** The compression for this choice. */
  public Compression compression() {
    return switch (type) {
      case GZIP -> new ParallelGzipCompression(level, threads);
      case ZSTD -> new ParallelZstdCompression(level, threads);
      case NONE -> Compression.none();
    };
  }

  /** gzip 6 and zstd 3, as their command line tools; 0 for none. */
  public static int defaultLevel(CompressionType type) {
    return switch (type) {
      case GZIP -> 6;
      case ZSTD -> 3;
      case NONE -> 0;
    };
  }

  /** Every processor this JVM may use. */
  public static int availableThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  static void checkLevel(CompressionType type, int level) {
    int max = type == CompressionType.ZSTD ? 19 : 9;
    if (level < 1 || level > max) {
      throw new IllegalArgumentException(
          type.cliName() + " level " + level + " is out of range 1.." + max);
    }
  }
}
