package dev.estiba.registry;

import dev.estiba.format.AtomicOutput;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.Manifest;
import dev.estiba.image.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pulls one platform's image into a {@link BlobSink}: the manifest (chosen from the index when the reference
 * names one), the config and the layers the sink does not have yet, several at a time, each verified against
 * its digest before it is stored. The manifests are stored last, so a sink never holds a manifest whose blobs
 * are missing.
 */
public final class ImagePuller {
    private final RegistryClient client;
    private final Consumer<RegistryEvent> events;

    public ImagePuller(RegistryClient client) {
        this(client, null);
    }

    /** A puller that also reports blobs it did not need to download. */
    public ImagePuller(RegistryClient client, Consumer<RegistryEvent> events) {
        this.client = client;
        this.events = events == null ? e -> { } : events;
    }

    public PulledImage pull(ImageReference ref, Platform platform, BlobSink sink) throws IOException {
        RemoteManifest top = client.fetchManifest(ref);
        Manifest parsed = parse(top);
        RemoteManifest index = null;
        RemoteManifest chosen = top;
        if (parsed instanceof ImageIndex list) {
            index = top;
            Descriptor entry = PlatformSelector.select(list, platform, ref.toString());
            chosen = client.fetchManifest(ref.withDigest(entry.digest()));
            parsed = parse(chosen);
            if (!(parsed instanceof ImageManifest)) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, "pull " + ref + ": the entry for "
                    + platform + " is an index, not an image manifest");
            }
        }
        ImageManifest manifest = (ImageManifest) parsed;
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(manifest.config());
        for (Descriptor layer : manifest.layers()) {
            if (blobs.stream().noneMatch(b -> b.digest().equals(layer.digest()))) {
                blobs.add(layer);
            }
        }
        pullBlobs(client, events, ref, blobs, sink);
        store(sink, chosen.digest(), chosen.bytes());
        if (index != null) {
            store(sink, index.digest(), index.bytes());
        }
        return new PulledImage(ref, index, chosen, manifest);
    }

    private static Manifest parse(RemoteManifest m) throws RegistryException {
        try {
            return m.parse();
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "pull " + m.reference() + ": "
                + e.getMessage(), e);
        }
    }

    /**
     * Downloads the blobs the sink lacks, several at a time, and reports each one it already had as
     * {@link BlobOutcome#ALREADY_LOCAL}.
     */
    static void pullBlobs(RegistryClient client, Consumer<RegistryEvent> events, ImageReference ref,
                          Collection<Descriptor> blobs, BlobSink sink) throws IOException {
        List<BlobTransfers.Transfer<BlobOutcome>> transfers = new ArrayList<>();
        for (Descriptor blob : blobs) {
            transfers.add(() -> {
                if (sink.has(blob.digest())) {
                    events.accept(new RegistryEvent.BlobDone(ref.name(), blob.digest(), blob.size(),
                        BlobOutcome.ALREADY_LOCAL));
                    return BlobOutcome.ALREADY_LOCAL;
                }
                client.pullBlob(ref, blob, sink.destination(blob.digest()));
                return BlobOutcome.DOWNLOADED;
            });
        }
        BlobTransfers.runAll(client.options().parallelBlobs(), transfers);
    }

    /** Writes verified bytes under a temporary name and renames them into place. */
    static void store(BlobSink sink, Digest digest, byte[] bytes) throws IOException {
        if (!sink.has(digest)) {
            AtomicOutput.write(sink.destination(digest), bytes);
        }
    }
}
