package dev.estiba.registry;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.Manifest;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes an image (a manifest or an index with its manifests) from a {@link BlobSource} to one or more
 * references. Blobs the repository has are skipped, blobs in another repository of the same registry (the
 * first target, or the given base repository) are mounted, the rest are uploaded several at a time; manifests
 * go last, with their exact bytes, so the registry's digest is the image's digest. Pushing again after an
 * interruption finishes the job.
 */
public final class ImagePusher {
    private final RegistryClient client;

    public ImagePusher(RegistryClient client) {
        this.client = client;
    }

    /** Pushes one image (its manifest, config and layers) to the targets. */
    public Digest push(Image image, List<ImageReference> targets, ImageReference mountFrom) throws IOException {
        Digest config = image.config().digest();
        byte[] configBytes = image.config().bytes();
        BlobSource blobs = d -> d.equals(config) ? new ByteArrayInputStream(configBytes) : image.blobs().open(d);
        return push(image.manifest().bytes(), image.manifest().value().effectiveMediaType(), blobs, targets,
            mountFrom);
    }

    /**
     * Pushes the image whose top manifest has these bytes and media type.
     *
     * @param mountFrom a repository on the targets' registry that may already hold some blobs (a base image),
     *     or null
     * @return the digest of the top manifest in every target
     */
    public Digest push(byte[] topBytes, String mediaType, BlobSource source, List<ImageReference> targets,
        ImageReference mountFrom) throws IOException {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target to push to");
        }
        Digest digest = null;
        ImageReference pushedTo = null;
        for (ImageReference target : targets) {
            String from = null;
            if (pushedTo != null && pushedTo.registry().equals(target.registry())) {
                from = pushedTo.repository();
            } else if (mountFrom != null && mountFrom.registry().equals(target.registry())) {
                from = mountFrom.repository();
            }
            // Another tag in a repository already done needs only the manifest.
            boolean sameRepository = pushedTo != null && pushedTo.name().equals(target.name());
            if (!sameRepository) {
                pushTree(target, topBytes, mediaType, source, from);
            }
            Digest d = client.pushManifest(target, topBytes, mediaType);
            digest = d;
            pushedTo = target;
        }
        return digest;
    }

    private void pushTree(ImageReference target, byte[] bytes, String mediaType, BlobSource source, String from)
        throws IOException {
        Manifest parsed;
        try {
            parsed = Manifest.parse(bytes, target.toString());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "push " + target + ": " + e.getMessage(), e);
        }
        if (parsed instanceof ImageIndex index) {
            for (Descriptor child : index.manifests()) {
                byte[] childBytes;
                try (InputStream in = source.open(child.digest())) {
                    childBytes = in.readNBytes(DistributionClient.MAX_MANIFEST_BYTES);
                }
                String childType = child.mediaType() != null ? child.mediaType()
                    : Manifest.parse(childBytes, child.digest().toString()).effectiveMediaType();
                pushTree(target, childBytes, childType, source, from);
                client.pushManifest(target.withDigest(child.digest()), childBytes, childType);
            }
            return;
        }
        ImageManifest manifest = (ImageManifest) parsed;
        List<Descriptor> blobs = new ArrayList<>();
        for (Descriptor layer : manifest.layers()) {
            if (blobs.stream().noneMatch(b -> b.digest().equals(layer.digest()))) {
                blobs.add(layer);
            }
        }
        if (blobs.stream().noneMatch(b -> b.digest().equals(manifest.config().digest()))) {
            blobs.add(manifest.config());
        }
        List<BlobTransfers.Transfer<BlobOutcome>> transfers = new ArrayList<>();
        for (Descriptor blob : blobs) {
            transfers.add(() -> client.pushBlob(target, blob, () -> source.open(blob.digest()), from));
        }
        BlobTransfers.runAll(client.options().parallelBlobs(), transfers);
    }
}
