package dev.estiba.build;

import dev.estiba.image.Digest;
import dev.estiba.image.Platform;
import dev.estiba.registry.BlobDirectory;
import dev.estiba.registry.ImagePuller;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.PulledImage;
import dev.estiba.registry.RegistryClient;
import dev.estiba.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Pulls a FROM image that the local store does not have (or every one, with {@code always}) into the store,
 * fetching only the blobs it lacks, and tags it there as {@code estiba pull} does.
 *
 * @param client the registry client (transport, trust and credentials)
 * @param platform the platform picked from a multi-platform image
 * @param cacheDir the cache directory holding the store's blobs
 * @param always re-check the registry even when the store has the reference ({@code --pull})
 */
record RegistryPulls(RegistryClient client, Platform platform, Path cacheDir, boolean always) {

    /** The stored manifest digest of the pulled image. */
    Digest pull(String reference, ImageStore images) throws IOException {
        ImageReference ref = ImageReference.parse(reference);
        PulledImage pulled = new ImagePuller(client).pull(ref, platform, new BlobDirectory(cacheDir));
        Digest d = pulled.manifest().digest();
        if (ref.tag() != null) {
            images.tag(ref.name() + ":" + ref.tag(), d);
        }
        return d;
    }
}
