package dev.estiba.layer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes writes through; close only flushes, so the stream below stays open for the caller. */
public final class KeepOpenOutputStream extends FilterOutputStream {
    /** Wraps {@code out}, which closing this stream leaves open. */
    public KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
