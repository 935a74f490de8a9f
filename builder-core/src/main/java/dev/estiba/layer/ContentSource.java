package dev.estiba.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a file's bytes come from; opened once, when the layer writer reaches the entry. */
@FunctionalInterface
public interface ContentSource {

    /** A new stream of the content; the caller closes it. */
    InputStream open() throws IOException;

    /** The content of a file on disk. */
    static ContentSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    /** Bytes in memory (small files, tests). */
    static ContentSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new java.io.ByteArrayInputStream(copy);
    }
}
