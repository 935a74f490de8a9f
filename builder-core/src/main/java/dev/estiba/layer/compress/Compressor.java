package dev.estiba.layer.compress;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps a stream of uncompressed layer bytes (a tar) into a compressing stream.
 *
 * <p>Implementations are deterministic: the bytes written to {@code out} depend only on the bytes
 * written in and on the compressor's settings, never on the number of threads, on how the input is
 * split into {@code write} calls, or on {@code flush()} calls (which only push finished bytes on).
 */
public interface Compressor {

  /**
   * Returns a stream that compresses what is written to it into {@code out}. Closing the returned
   * stream finishes the compressed stream and closes {@code out}.
   */
  OutputStream wrap(OutputStream out) throws IOException;

  /** What this compressor writes. */
  CompressionAlgorithm algorithm();
}
