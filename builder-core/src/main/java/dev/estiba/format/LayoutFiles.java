package dev.estiba.format;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The files of an image layout, wherever they are: a directory or a tar. Paths are relative and use
 * {@code /}. Only exact names are looked up, so nothing a hostile archive names is ever written anywhere.
 */
public interface LayoutFiles extends Closeable, BlobSource {

    /** Whether a regular file exists at {@code path}. */
    boolean exists(String path);

    /** A stream of the file at {@code path}. */
    InputStream open(String path) throws IOException;

    /** A human name for messages ({@code oci:DIR}, {@code docker-archive:FILE}). */
    String describe();

    /** All bytes of a small file, refusing anything larger than {@code limit}. */
    default byte[] readSmall(String path, int limit) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new ImageFormatException(describe() + ": " + path + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** The path of a blob in the OCI layout: {@code blobs/ALGORITHM/HEX}. */
    static String blobPath(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    @Override
    default InputStream open(Digest digest) throws IOException {
        String path = blobPath(digest);
        if (!exists(path)) {
            throw new ImageFormatException(describe() + ": missing blob " + digest);
        }
        return open(path);
    }
}
