package dev.estiba.layer;

import java.io.OutputStream;

/** The identity: the layer blob is the tar itself. */
final class NoCompression implements Compression {
    static final NoCompression INSTANCE = new NoCompression();

    private NoCompression() {
    }

    @Override
    public CompressionType type() {
        return CompressionType.NONE;
    }

    @Override
    public OutputStream compress(OutputStream sink) {
        return new KeepOpenOutputStream(sink);
    }
}
