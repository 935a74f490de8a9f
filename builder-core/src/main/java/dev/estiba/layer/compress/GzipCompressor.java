package dev.estiba.layer.compress;

import java.io.OutputStream;

/**
 * gzip in independent blocks compressed on {@code threads} workers ({@link
 * ParallelGzipOutputStream}).
 *
 * @param level deflate level 1..9
 * @param threads worker threads per stream
 * @param blockSize input bytes per block; part of the output's identity, so keep it fixed
 */
public record GzipCompressor(int level, int threads, int blockSize) implements Compressor {

  @Override
  public OutputStream wrap(OutputStream out) {
    return new ParallelGzipOutputStream(out, level, threads, blockSize);
  }

  @Override
  public CompressionAlgorithm algorithm() {
    return CompressionAlgorithm.GZIP;
  }
}
