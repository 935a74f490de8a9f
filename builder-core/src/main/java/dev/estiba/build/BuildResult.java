package dev.estiba.build;

import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.lint.Finding;
import java.util.List;

/**
 * A finished build.
 *
 * @param image the image (manifest, config, blobs in the store)
 * @param manifestDigest the manifest's digest
 * @param checks the BuildKit build checks' findings (warnings), by position
 */
public record BuildResult(Image image, Digest manifestDigest, List<Finding> checks) {
    public BuildResult {
        checks = List.copyOf(checks);
    }

    /** A result with no check findings. */
    public BuildResult(Image image, Digest manifestDigest) {
        this(image, manifestDigest, List.of());
    }

    /** The image id (config digest). */
    public Digest imageId() {
        return image.id();
    }
}
