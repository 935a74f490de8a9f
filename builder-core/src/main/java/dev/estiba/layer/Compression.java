package dev.estiba.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A way to compress a layer stream. Implementations must be deterministic: the same input gives the same
 * bytes. Multi-threaded compressors plug in here alongside the single-threaded ones below.
 */
public interface Compression {

    CompressionType type();

    /**
     * A stream that compresses into {@code sink}. Closing it finishes the compressed stream and flushes,
     * but does not close {@code sink}.
     */
    OutputStream compress(OutputStream sink) throws IOException;

    /** Single-threaded deterministic gzip at a level from 1 to 9. */
    static Compression gzip(int level) {
        return new GzipCompression(level);
    }

    /** Single-threaded zstd at a level from 1 to 19. */
    static Compression zstd(int level) {
        return new ZstdCompression(level);
    }

    /** No compression: the blob is the tar. */
    static Compression none() {
        return NoCompression.INSTANCE;
    }

    /** The default compression of a type: gzip 6, zstd 3, none. */
    static Compression defaultFor(CompressionType type) {
        return switch (type) {
            case GZIP -> gzip(6);
            case ZSTD -> zstd(3);
            case NONE -> none();
        };
    }

    /** A stream of the uncompressed bytes of a blob compressed with {@code type}. */
    static InputStream decompress(CompressionType type, InputStream in) throws IOException {
        return switch (type) {
            case GZIP -> new java.util.zip.GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new com.github.luben.zstd.ZstdInputStreamNoFinalizer(in);
            case NONE -> in;
        };
    }
}
