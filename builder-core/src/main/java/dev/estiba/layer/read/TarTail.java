package dev.estiba.layer.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a tar's bytes and remembers its last 512-byte block, to tell an archive that ended
 * properly (whole blocks, the last one zero) from one cut short at a header.
 */
final class TarTail extends FilterInputStream {

  private static final int BLOCK = 512;

  private final byte[] last = new byte[BLOCK];
  private long count;

  TarTail(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      remember(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      remember(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must be seen: read them instead.
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void remember(byte[] b, int off, int n) {
    for (int i = 0; i < n; i++) {
      last[(int) ((count + i) % BLOCK)] = b[off + i];
    }
    count += n;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** True when the bytes read are whole blocks and the last block is all zero. */
  boolean endsWithZeroBlock() {
    if (count == 0 || count % BLOCK != 0) {
      return false;
    }
    for (byte b : last) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
