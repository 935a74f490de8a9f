package dev.estiba.layer.compress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed by several threads, the way pigz does it.
 *
 * <p>The input is cut into blocks of a fixed size. Each block is deflated on its own, primed with
 * the last 32 KiB of the block before it as a preset dictionary, and ended with a sync flush (an
 * empty stored block), so the blocks join into one raw deflate stream; the last block carries the
 * final bit. A block that deflate would hardly shrink ({@link IncompressibleCheck}: random or
 * already compressed bytes) is written as stored blocks instead, at a fraction of the cost. One gzip
 * member wraps them: a header with fixed fields (mtime 0, no name, XFL 0, OS 255) and a trailer with
 * the CRC-32 and length of the whole input.
 *
 * <p>Closing the stream finishes the member and flushes the underlying stream but leaves it open,
 * as {@link dev.estiba.layer.Compression} asks.
 *
 * <p>Block boundaries depend only on the byte count, and whether a block is stored only on its
 * bytes and its dictionary's, never on the thread count or on how the input arrives, so the output
 * is byte-identical for 1, 2 or N threads. At most {@code 8 * threads} blocks are in flight, so
 * memory stays bounded whatever the input size.
 */
public final class ParallelGzipOutputStream extends OutputStream {

  /** Input bytes per block: 128 KiB, as pigz. */
  public static final int DEFAULT_BLOCK_SIZE = 128 * 1024;

  /**
   * Blocks queued or being compressed, per worker: a deep queue keeps the workers busy when the thread
   * feeding them is held up (reading many small files, or descheduled on a busy machine); 2 MiB of input
   * for 2 threads at the default block size.
   */
  private static final int IN_FLIGHT_PER_THREAD = 8;

  /** The most bytes one stored deflate block holds. */
  private static final int MAX_STORED = 65_535;

  /** Deflate's window: the most a preset dictionary can help. */
  static final int DICTIONARY_SIZE = 32 * 1024;

  /**
   * The ten header bytes every estiba gzip stream starts with: deflate, no flags, no name, mtime 0,
   * XFL 0 at every level, OS 255 ("unknown", as Go's compress/gzip writes it).
   */
  public static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final OutputStream out;
  private final int level;
  private final int blockSize;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<Deflated>> inFlight = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Worker> idleWorkers = new ConcurrentLinkedQueue<>();
  // Buffers are reused rather than allocated per block: a gigabyte would otherwise allocate (and zero) over
  // two gigabytes of arrays. Input blocks come back once the block after them is written (it used them as
  // its dictionary); output buffers once their bytes are written.
  private final ArrayDeque<byte[]> idleBlocks = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<byte[]> idleOutputs = new ConcurrentLinkedQueue<>();
  private byte[] lastWrittenInput;
  private final CRC32 crc = new CRC32();
  private long totalIn;
  private byte[] block;
  private int fill;
  private byte[] previous;
  private boolean headerWritten;
  private boolean closed;

  /**
   * Starts a gzip member on {@code out}.
   *
   * @param level deflate level 1..9
   * @param threads worker threads; 1 compresses on the caller's thread
   * @param blockSize input bytes per block, at least 32 KiB
   */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("gzip level " + level + " is out of range 1..9");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("gzip threads must be at least 1, got " + threads);
    }
    if (blockSize < DICTIONARY_SIZE) {
      throw new IllegalArgumentException("gzip block size must be at least 32 KiB, got " + blockSize);
    }
    this.out = out;
    this.level = level;
    this.blockSize = blockSize;
    this.block = new byte[blockSize];
    this.maxInFlight = IN_FLIGHT_PER_THREAD * threads;
    if (threads == 1) {
      this.pool = null;
    } else {
      int poolNumber = POOL_NUMBER.incrementAndGet();
      AtomicInteger threadNumber = new AtomicInteger();
      ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "estiba-gzip-" + poolNumber + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      // Idle workers end by themselves, so a stream abandoned without close() leaks no thread.
      executor.allowCoreThreadTimeOut(true);
      this.pool = executor;
    }
  }

  /** Starts a gzip member with default block size. */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads) {
    this(out, level, threads, DEFAULT_BLOCK_SIZE);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    Objects.checkFromIndexSize(off, len, b.length);
    crc.update(b, off, len);
    totalIn += len;
    while (len > 0) {
      if (fill == blockSize) {
        // Only now do we know this block is not the last one.
        submit(false);
      }
      int n = Math.min(len, blockSize - fill);
      System.arraycopy(b, off, block, fill, n);
      fill += n;
      off += n;
      len -= n;
    }
  }

  /** Pushes the blocks already compressed to the underlying stream; changes no output byte. */
  @Override
  public void flush() throws IOException {
    ensureOpen();
    writeFinishedBlocks(false);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      submit(true);
      writeFinishedBlocks(true);
      writeTrailer();
      out.flush();
    } finally {
      shutdown();
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("gzip stream is closed");
    }
  }

  private void submit(boolean last) throws IOException {
    if (!headerWritten) {
      writeHeader();
    }
    Job job = new Job(block, fill, previous, last);
    previous = block;
    block = last ? null : newBlock();
    fill = 0;
    if (pool == null) {
      write(job.call());
      return;
    }
    inFlight.add(pool.submit(job));
    while (inFlight.size() >= maxInFlight) {
      write(await(inFlight.removeFirst()));
    }
    writeFinishedBlocks(false);
  }

  private void writeHeader() throws IOException {
    headerWritten = true;
    out.write(HEADER);
  }

  private void writeFinishedBlocks(boolean all) throws IOException {
    while (!inFlight.isEmpty() && (all || inFlight.peekFirst().isDone())) {
      write(await(inFlight.removeFirst()));
    }
  }

  private void write(Deflated d) throws IOException {
    out.write(d.bytes(), 0, d.length());
    if (d.bytes().length == outputSize(blockSize)) {
      idleOutputs.add(d.bytes());
    }
    // Blocks are written in order, so the block before this one has served as its dictionary.
    if (lastWrittenInput != null) {
      idleBlocks.add(lastWrittenInput);
    }
    lastWrittenInput = d.input();
  }

  private byte[] newBlock() {
    byte[] b = idleBlocks.poll();
    return b != null ? b : new byte[blockSize];
  }

  /** Room for a deflated block: deflate's worst case is a few bytes per 16 KiB more than its input. */
  private static int outputSize(int inputSize) {
    return inputSize + (inputSize >> 3) + 64;
  }

  private void writeTrailer() throws IOException {
    long c = crc.getValue();
    long n = totalIn & 0xffffffffL;
    out.write(new byte[] {
      (byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
      (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)
    });
  }

  private static Deflated await(Future<Deflated> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("gzip compression failed: " + e.getCause(), e.getCause());
    }
  }

  private void shutdown() {
    if (pool != null) {
      pool.shutdownNow();
    }
    inFlight.clear();
    idleBlocks.clear();
    idleOutputs.clear();
    Worker w;
    while ((w = idleWorkers.poll()) != null) {
      w.deflater.end();
    }
  }

  private record Deflated(byte[] bytes, int length, byte[] input) {}

  /** What a compressing thread reuses from block to block. */
  private record Worker(Deflater deflater, IncompressibleCheck check) {}

  /**
   * Writes {@code input[0, length)} into {@code out} as stored deflate blocks of at most 65,535 bytes,
   * the final bit on the last one when {@code last}; returns the bytes written. Every block starts on a
   * byte boundary here (the block before ended with a sync flush or a stored block), and so does what
   * follows: the next deflated block needs no marker in between.
   */
  static int stored(byte[] input, int length, boolean last, byte[] out) {
    int n = 0;
    int off = 0;
    do {
      int k = Math.min(MAX_STORED, length - off);
      boolean fin = last && off + k == length;
      out[n++] = (byte) (fin ? 1 : 0); // BFINAL, BTYPE 00, then padding to the byte boundary
      out[n++] = (byte) k;
      out[n++] = (byte) (k >>> 8);
      out[n++] = (byte) ~k;
      out[n++] = (byte) (~k >>> 8);
      System.arraycopy(input, off, out, n, k);
      n += k;
      off += k;
    } while (off < length);
    return n;
  }

  /** One block: deflated alone, primed with the previous block's tail. */
  private final class Job implements Callable<Deflated> {
    private final byte[] input;
    private final int length;
    private final byte[] dictionarySource;
    private final boolean last;

    Job(byte[] input, int length, byte[] dictionarySource, boolean last) {
      this.input = input;
      this.length = length;
      this.dictionarySource = dictionarySource;
      this.last = last;
    }

    @Override
    public Deflated call() {
      Worker worker = idleWorkers.poll();
      if (worker == null) {
        worker = new Worker(new Deflater(level, true), new IncompressibleCheck());
      }
      try {
        byte[] buf = idleOutputs.poll();
        if (buf == null) {
          buf = new byte[outputSize(blockSize)];
        }
        int dictionaryLength = dictionarySource == null ? 0 : DICTIONARY_SIZE;
        // The previous block is always full (only the last block is short).
        int dictionaryEnd = dictionarySource == null ? 0 : dictionarySource.length;
        if (worker.check.test(input, length, dictionarySource, dictionaryEnd, dictionaryLength)) {
          return new Deflated(buf, stored(input, length, last, buf), input);
        }
        Deflater deflater = worker.deflater;
        if (dictionarySource != null) {
          deflater.setDictionary(dictionarySource, dictionaryEnd - DICTIONARY_SIZE, DICTIONARY_SIZE);
        }
        deflater.setInput(input, 0, length);
        int n = 0;
        if (last) {
          deflater.finish();
          while (!deflater.finished()) {
            if (n == buf.length) {
              buf = Arrays.copyOf(buf, buf.length * 2);
            }
            n += deflater.deflate(buf, n, buf.length - n, Deflater.NO_FLUSH);
          }
        } else {
          // A sync flush is complete once deflate leaves part of the buffer unused.
          while (true) {
            if (n == buf.length) {
              buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int k = deflater.deflate(buf, n, buf.length - n, Deflater.SYNC_FLUSH);
            n += k;
            if (n < buf.length) {
              break;
            }
          }
        }
        return new Deflated(buf, n, input);
      } finally {
        worker.deflater.reset();
        idleWorkers.add(worker);
      }
    }
  }
}
