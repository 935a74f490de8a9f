package dev.estiba.image;

import java.io.IOException;
import java.io.InputStream;

/** Opens blobs by digest: a directory, an archive, the content store. Streams are not verified here. */
@FunctionalInterface
public interface BlobSource {

    /** A stream of the blob's raw bytes; the caller closes it. */
    InputStream open(Digest digest) throws IOException;
}
