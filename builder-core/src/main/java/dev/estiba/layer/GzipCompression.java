package dev.estiba.layer;

import java.io.OutputStream;

/** Single-threaded gzip with a fixed header, see {@link DeterministicGzipOutputStream}. */
record GzipCompression(int level) implements Compression {

    GzipCompression {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("gzip level " + level + " is not between 1 and 9");
        }
    }

    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    public OutputStream compress(OutputStream sink) {
        return new DeterministicGzipOutputStream(sink, level);
    }
}
