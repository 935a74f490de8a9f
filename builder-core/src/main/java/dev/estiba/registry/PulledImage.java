package dev.estiba.registry;

import dev.estiba.image.ImageManifest;

/**
 * An image pulled into a {@link BlobSink}: the index it was chosen from (null when the reference named a
 * manifest), the platform's manifest, and that manifest parsed.
 */
public record PulledImage(ImageReference reference, RemoteManifest index, RemoteManifest manifest,
    ImageManifest parsed) {

    /** What the reference names: the index when there was one, else the manifest. */
    public RemoteManifest top() {
        return index != null ? index : manifest;
    }
}
