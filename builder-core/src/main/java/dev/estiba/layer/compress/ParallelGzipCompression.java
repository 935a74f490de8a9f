package dev.estiba.layer.compress;

import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import java.io.OutputStream;

/**
 * gzip in independent blocks compressed on {@code threads} workers ({@link
 * ParallelGzipOutputStream}); the bytes do not depend on {@code threads}.
 *
 * @param level deflate level 1..9
 * @param threads worker threads per stream
 * @param blockSize input bytes per block; part of the output's identity, so keep it fixed
 */
public record ParallelGzipCompression(int level, int threads, int blockSize) implements Compression {

  /** Checks the settings as the stream would, but at once. */
  public ParallelGzipCompression {
    CompressionChoice.checkLevel(CompressionType.GZIP, level);
    if (threads < 1) {
      throw new IllegalArgumentException("gzip threads must be at least 1, got " + threads);
    }
  }

  /** The default 128 KiB blocks. */
  public ParallelGzipCompression(int level, int threads) {
    this(level, threads, ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE);
  }

  @Override
  public CompressionType type() {
    return CompressionType.GZIP;
  }

  @Override
  public OutputStream compress(OutputStream sink) {
    return new ParallelGzipOutputStream(sink, level, threads, blockSize);
  }
}
