package dev.estiba.layer;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import java.nio.file.Path;

/**
 * A layer blob on disk.
 *
 * @param digest digest of the blob (compressed bytes)
 * @param size size of the blob
 * @param diffId digest of the uncompressed tar
 * @param diffSize size of the uncompressed tar
 * @param compression how the blob is compressed
 * @param file where the blob is, named by its digest's hex
 */
public record WrittenLayer(Digest digest, long size, Digest diffId, long diffSize, CompressionType compression,
                           Path file) {

    /** The manifest descriptor of this layer, with the OCI or Docker media type. */
    public Descriptor descriptor(boolean docker) {
        return new Descriptor(compression.mediaType(docker), digest, size);
    }
}
