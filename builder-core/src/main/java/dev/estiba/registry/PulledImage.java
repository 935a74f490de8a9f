package dev.estiba.registry;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import java.io.IOException;
import java.io.InputStream;

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

    /** The image model over the blobs it was pulled into (its config read from there, exact bytes kept). */
    public Image image(BlobSource blobs) throws IOException {
        byte[] config;
        try (InputStream in = blobs.open(parsed.config().digest())) {
            config = in.readAllBytes();
        }
        String what = reference + " config " + parsed.config().digest();
        return new Image(JsonBlob.read(parsed, manifest.bytes()),
            JsonBlob.read(ImageConfig.parse(config, what), config), blobs);
    }
}
