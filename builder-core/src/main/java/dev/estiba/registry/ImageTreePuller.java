package dev.estiba.registry;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.Manifest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pulls everything a reference names into a {@link BlobSink}, as {@code skopeo copy --all} reads it: the top
 * manifest or index with its exact bytes, every child manifest (fetched by digest, so each is verified), and
 * every config and layer not already in the sink, several at a time. Manifests are stored last, children before
 * their index, so a sink never holds a manifest whose content is missing. ({@link ImagePuller} pulls one
 * platform.)
 */
public final class ImageTreePuller {
    private static final int MAX_DEPTH = 4;

    private final RegistryClient client;
    private final Consumer<RegistryEvent> events;

    public ImageTreePuller(RegistryClient client, Consumer<RegistryEvent> events) {
        this.client = client;
        this.events = events == null ? e -> { } : events;
    }

    /** Pulls the whole tree and returns the top document as the registry sent it. */
    public RemoteManifest pull(ImageReference ref, BlobSink sink) throws IOException {
        RemoteManifest top = client.fetchManifest(ref);
        Map<Digest, RemoteManifest> manifests = new LinkedHashMap<>();
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        collect(ref, top, manifests, blobs, 0);
        ImagePuller.pullBlobs(client, events, ref, blobs.values(), sink);
        for (RemoteManifest m : manifests.values()) {
            ImagePuller.store(sink, m.digest(), m.bytes());
        }
        return top;
    }

    /** Walks the tree depth first, children before parents, gathering manifests and blobs once each. */
    private void collect(ImageReference ref, RemoteManifest at, Map<Digest, RemoteManifest> manifests,
                         Map<Digest, Descriptor> blobs, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "pull " + ref + ": indexes nested too deep at "
                + at.digest());
        }
        Manifest parsed;
        try {
            parsed = at.parse();
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "pull " + at.reference() + ": "
                + e.getMessage(), e);
        }
        if (parsed instanceof ImageIndex index) {
            for (Descriptor child : index.manifests()) {
                if (!manifests.containsKey(child.digest())) {
                    collect(ref, client.fetchManifest(ref.withDigest(child.digest())), manifests, blobs, depth + 1);
                }
            }
        } else if (parsed instanceof ImageManifest image) {
            blobs.putIfAbsent(image.config().digest(), image.config());
            for (Descriptor layer : image.layers()) {
                blobs.putIfAbsent(layer.digest(), layer);
            }
        }
        manifests.put(at.digest(), at);
    }
}
