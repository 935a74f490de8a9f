package dev.estiba.layer.compress;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import dev.estiba.layer.KeepOpenOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Zstandard through zstd-jni with its own worker threads.
 *
 * <p>zstd's multithreaded mode cuts the input into jobs whose size follows from the settings
 * alone, so its output is the same for any number of workers; its single-threaded mode (0
 * workers) writes other bytes. We therefore always run at least one worker, and pin the job size
 * so a change of zstd's defaults cannot change our digests silently.
 *
 * @param level zstd level 1..19
 * @param threads worker threads, at least 1
 */
public record ParallelZstdCompression(int level, int threads) implements Compression {

  /** Input bytes per zstd job: 4 MiB, a little above zstd's own choice for levels 1..4. */
  public static final int JOB_SIZE = 4 << 20;

  /** Checks the settings. */
  public ParallelZstdCompression {
    CompressionChoice.checkLevel(CompressionType.ZSTD, level);
    if (threads < 1) {
      throw new IllegalArgumentException("zstd threads must be at least 1, got " + threads);
    }
  }

  @Override
  public CompressionType type() {
    return CompressionType.ZSTD;
  }

  /** Closing the returned stream ends the frame and flushes {@code sink}, leaving it open. */
  @Override
  public OutputStream compress(OutputStream sink) throws IOException {
    OutputStream unclosable = new KeepOpenOutputStream(sink);
    ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(unclosable, level);
    try {
      zstd.setChecksum(true);
      zstd.setWorkers(threads);
      zstd.setJobSize(JOB_SIZE);
    } catch (IOException | RuntimeException e) {
      zstd.close();
      throw e;
    }
    return new FilterOutputStream(zstd) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      // A zstd flush ends the current block early and so changes the output: finished bytes are
      // pushed on by close() only.
      @Override
      public void flush() {}
    };
  }
}
