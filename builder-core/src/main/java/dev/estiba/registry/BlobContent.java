package dev.estiba.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of a blob to upload; opened again for each attempt. */
@FunctionalInterface
public interface BlobContent {
    InputStream open() throws IOException;

    static BlobContent of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static BlobContent of(byte[] bytes) {
        return () -> new java.io.ByteArrayInputStream(bytes);
    }
}
