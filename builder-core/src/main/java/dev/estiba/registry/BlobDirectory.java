package dev.estiba.registry;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Digest;
import dev.estiba.store.BlobNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Blobs kept at {@code ROOT/blobs/ALGORITHM/HEX}, which is both an OCI image layout and estiba's content store
 * ({@link dev.estiba.store.BlobStore}): pulled blobs land there, pushed blobs are read from there.
 */
public final class BlobDirectory implements BlobSink, BlobSource {
    private final Path root;

    public BlobDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean has(Digest digest) {
        return Files.isRegularFile(file(digest));
    }

    @Override
    public Path destination(Digest digest) {
        return file(digest);
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        Path p = file(digest);
        if (!Files.isRegularFile(p)) {
            throw new BlobNotFoundException(digest, root.toString());
        }
        return Files.newInputStream(p);
    }

    private Path file(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }
}
