package dev.estiba.layer;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Single-threaded zstd through zstd-jni; the same level and input always give the same frame. */
record ZstdCompression(int level) implements Compression {

    ZstdCompression {
        if (level < 1 || level > 19) {
            throw new IllegalArgumentException("zstd level " + level + " is not between 1 and 19");
        }
    }

    @Override
    public CompressionType type() {
        return CompressionType.ZSTD;
    }

    @Override
    public OutputStream compress(OutputStream sink) throws IOException {
        OutputStream unclosable = new KeepOpenOutputStream(sink);
        ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(unclosable, level);
        // A zstd flush ends a block, so flushes must not reach it: only close finishes the frame.
        return new FilterOutputStream(z) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
            }
        };
    }
}
