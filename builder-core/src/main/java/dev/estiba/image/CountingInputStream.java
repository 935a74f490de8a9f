package dev.estiba.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Passes bytes through and tells a listener how many have gone by: each time another {@code step} bytes have
 * been read, and once at the end of the stream, so a progress bar moves without an event per buffer.
 */
public final class CountingInputStream extends FilterInputStream {
    private final long step;
    private final LongConsumer listener;
    private long count;
    private long reported;
    private boolean ended;

    /**
     * @param in the stream read
     * @param step how many bytes between two reports (at least 1)
     * @param listener receives the bytes read so far
     */
    public CountingInputStream(InputStream in, long step, LongConsumer listener) {
        super(in);
        this.step = Math.max(1, step);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        advance(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        advance(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    private void advance(long n) {
        if (n < 0) {
            if (!ended) {
                ended = true;
                reported = count;
                listener.accept(count);
            }
            return;
        }
        count += n;
        if (count - reported >= step) {
            reported = count;
            listener.accept(count);
        }
    }
}
