package dev.estiba.format;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageTree;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.Manifest;
import dev.estiba.image.MediaTypes;
import dev.estiba.layer.Compression;
import dev.estiba.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ImageConversion} over a whole image tree: each platform's image is converted, and the index is
 * rewritten only when an entry changed (a Docker manifest list for Docker manifests, an OCI index otherwise),
 * keeping each entry's platform and annotations. When nothing changes the tree is returned as it is, so its
 * bytes and digests stay.
 */
public final class TreeConversion {
    private TreeConversion() {
    }

    /** Same parameters as {@link ImageConversion#convert}; {@code where} names the source in errors. */
    public static ImageTree convert(ImageTree tree, Boolean docker, Compression compression, BlobStore store,
                                    int threads, String where) throws IOException {
        try {
            if (!tree.isIndex()) {
                Image image = ImageReading.image(tree.top().bytes(), tree.blobs(), where);
                Image converted = ImageConversion.convert(image, docker, compression, store, threads);
                return converted == image ? tree : ImageTree.of(converted);
            }
            ImageIndex index = (ImageIndex) tree.top().value();
            boolean toDocker = docker == null ? index.isDocker() : docker;
            Map<Digest, byte[]> written = new HashMap<>();
            Map<Digest, BlobSource> routes = new HashMap<>();
            List<Descriptor> entries = new ArrayList<>();
            boolean changed = toDocker != index.isDocker();
            for (Descriptor entry : index.manifests()) {
                byte[] bytes = tree.readSmall(entry);
                if (!MediaTypes.isManifest(Manifest.parse(bytes, where + ": manifest " + entry.digest())
                        .effectiveMediaType())) {
                    throw new ImageFormatException(where + ": " + entry.digest()
                        + " is a nested index; it can be copied as it is, but not converted");
                }
                Image image = ImageReading.image(bytes, tree.blobs(), where);
                Image converted = ImageConversion.convert(image, docker, compression, store, threads);
                if (converted == image && entry.mediaType() != null
                        && entry.mediaType().equals(image.manifest().value().effectiveMediaType())) {
                    entries.add(entry);
                    continue;
                }
                changed = true;
                written.put(converted.manifest().digest(), converted.manifest().bytes());
                written.put(converted.config().digest(), converted.config().bytes());
                for (Descriptor layer : converted.layers()) {
                    routes.put(layer.digest(), converted.blobs());
                }
                entries.add(converted.manifest().descriptor(converted.manifest().value().effectiveMediaType())
                    .withPlatform(entry.platform()).withAnnotations(entry.annotations()));
            }
            if (!changed) {
                return tree;
            }
            ImageIndex out = toDocker ? ImageIndex.docker(entries)
                : new ImageIndex(2, MediaTypes.OCI_INDEX, index.artifactType(), entries, index.subject(),
                    index.isDocker() ? null : index.annotations(), null);
            BlobSource old = tree.blobs();
            return new ImageTree(JsonBlob.of((Manifest) out), d -> {
                byte[] bytes = written.get(d);
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
                return routes.getOrDefault(d, old).open(d);
            });
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(e.getMessage().startsWith(where) ? e.getMessage()
                : where + ": " + e.getMessage(), e);
        }
    }
}
