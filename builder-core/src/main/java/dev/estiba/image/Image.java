package dev.estiba.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One image: its manifest and config with their exact bytes, and where its layer blobs are. Formats read
 * into this and write from it.
 */
public record Image(JsonBlob<ImageManifest> manifest, JsonBlob<ImageConfig> config, BlobSource blobs) {

    public Image {
        Descriptor c = manifest.value().config();
        if (!c.digest().equals(config.digest())) {
            throw new IllegalArgumentException("config " + config.digest() + " does not match the manifest's "
                + c.digest());
        }
        int layers = manifest.value().layers().size();
        int diffIds = config.value().rootfs().diffIds().size();
        if (layers != diffIds) {
            throw new IllegalArgumentException("manifest has " + layers + " layers but the config lists " + diffIds
                + " diff ids");
        }
    }

    /** The image id as docker shows it: the config digest. */
    public Digest id() {
        return config.digest();
    }

    public List<Descriptor> layers() {
        return manifest.value().layers();
    }

    /** A blob of this image, verified against its descriptor's digest and size as it is read. */
    public InputStream open(Descriptor d) throws IOException {
        return new VerifyingInputStream(blobs.open(d.digest()), d.digest(), d.size(), "blob " + d.digest());
    }

    /** Whether the manifest is a Docker v2.2 one. */
    public boolean isDocker() {
        return manifest.value().isDocker();
    }
}
