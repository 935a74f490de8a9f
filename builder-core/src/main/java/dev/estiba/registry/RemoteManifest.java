package dev.estiba.registry;

import dev.estiba.image.Digest;
import dev.estiba.image.Manifest;

/**
 * A manifest or index as the registry sent it: the exact bytes, the media type and the digest of those bytes
 * (checked against the reference's digest and the registry's {@code Docker-Content-Digest}).
 */
public record RemoteManifest(ImageReference reference, byte[] bytes, String mediaType, Digest digest) {

    public RemoteManifest {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The parsed document (unknown fields kept). */
    public Manifest parse() {
        return Manifest.parse(bytes, reference.toString());
    }

    public long size() {
        return bytes.length;
    }
}
