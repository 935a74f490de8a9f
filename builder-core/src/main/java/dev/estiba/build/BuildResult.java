package dev.estiba.build;

import dev.estiba.image.Digest;
import dev.estiba.image.Image;

/**
 * A finished build.
 *
 * @param image the image (manifest, config, blobs in the store)
 * @param manifestDigest the manifest's digest
 */
public record BuildResult(Image image, Digest manifestDigest) {
    /** The image id (config digest). */
    public Digest imageId() {
        return image.id();
    }
}
