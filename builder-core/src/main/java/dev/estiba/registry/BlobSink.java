package dev.estiba.registry;

import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.file.Path;

/** Where pulled blobs go: a content store or an OCI layout's {@code blobs/} directory. */
public interface BlobSink {
    /** Whether the blob is already there (and so is not downloaded). */
    boolean has(Digest digest) throws IOException;

    /** The file the verified blob is renamed to; its directory may not exist yet. */
    Path destination(Digest digest) throws IOException;
}
