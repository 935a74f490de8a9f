package dev.estiba.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Gathers bytes into large chunks and passes them on to the next stream on a thread of its own, so the writer
 * (reading files, making tar headers) and what follows (digests, compressor, output file) run at the same time.
 * The next stream sees the same bytes in the same order. A fixed set of chunks circulates between the two
 * threads, so memory is bounded and a slow consumer holds the writer back.
 *
 * <p>{@link #close()} passes on the rest, waits for the consumer and reports its failure if it had one; it
 * does not close the next stream. {@link #abort()} stops the consumer without letting it catch up.
 */
final class HandOffOutputStream extends OutputStream {
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream next;
    private final BlockingQueue<Chunk> full;
    private final BlockingQueue<byte[]> free;
    private final Thread consumer;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private byte[] current;
    private int fill;
    private boolean closed;

    /**
     * @param next where the bytes go, written only by the consumer thread until {@link #close()} returns
     * @param chunkSize bytes per hand-off
     * @param chunks how many chunks exist (at least 2): one being filled, the others queued or being consumed
     * @param threadName the consumer thread's name
     */
    HandOffOutputStream(OutputStream next, int chunkSize, int chunks, String threadName) {
        if (chunks < 2) {
            throw new IllegalArgumentException("a hand-off needs at least 2 chunks, got " + chunks);
        }
        this.next = Objects.requireNonNull(next, "next");
        this.full = new ArrayBlockingQueue<>(chunks + 1);
        this.free = new ArrayBlockingQueue<>(chunks);
        for (int i = 1; i < chunks; i++) {
            free.add(new byte[chunkSize]);
        }
        this.current = new byte[chunkSize];
        this.consumer = new Thread(this::consume, threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (fill == current.length) {
            handOff();
        }
        current[fill++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (fill == current.length) {
                handOff();
            }
            int n = Math.min(len, current.length - fill);
            System.arraycopy(b, off, current, fill, n);
            fill += n;
            off += n;
            len -= n;
        }
    }

    /** Does nothing: bytes are passed on in whole chunks, and all of them by {@link #close()}. */
    @Override
    public void flush() {
    }

    /** Passes on the bytes not yet handed off and waits until the consumer has written everything. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failure == null && fill > 0) {
            put(new Chunk(current, fill));
        }
        put(END);
        join();
        rethrowFailure();
    }

    /**
     * Stops the consumer after the writer failed: what is still queued is dropped. Returns once the consumer
     * has stopped, so nothing writes to the next stream after this.
     */
    void abort() {
        aborted = true;
        if (!closed) {
            closed = true;
            full.offer(END); // always fits: the queue holds one more than there are chunks
        }
        try {
            join();
        } catch (InterruptedIOException e) {
            // already interrupted: the caller is failing anyway
        }
    }

    private void join() throws InterruptedIOException {
        try {
            consumer.join();
        } catch (InterruptedException e) {
            aborted = true;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the layer");
        }
    }

    private void handOff() throws IOException {
        rethrowFailure();
        put(new Chunk(current, fill));
        try {
            current = free.take();
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the layer");
        }
        fill = 0;
    }

    private void put(Chunk c) throws IOException {
        try {
            full.put(c);
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the layer");
        }
    }

    /** The consumer's failure, as it was thrown there. */
    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    /** The consumer: writes chunks in order until the end; after a failure it only returns chunks. */
    private void consume() {
        while (true) {
            Chunk c;
            try {
                c = full.take();
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("layer writer thread interrupted");
                return;
            }
            if (c == END) {
                return;
            }
            if (failure == null && !aborted) {
                try {
                    next.write(c.bytes(), 0, c.length());
                } catch (Throwable t) {
                    failure = t;
                }
            }
            free.add(c.bytes());
        }
    }
}
