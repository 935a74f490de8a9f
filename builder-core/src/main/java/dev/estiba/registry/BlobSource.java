package dev.estiba.registry;

import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.file.Path;

/** Where blobs to push come from: a content store or an OCI layout's {@code blobs/} directory. */
public interface BlobSource {
    /** The file holding the blob; an IOException naming it when it is missing. */
    Path path(Digest digest) throws IOException;
}
