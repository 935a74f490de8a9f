package dev.estiba.store;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.InvalidImageJsonException;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.Manifest;
import dev.estiba.image.MediaTypes;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.Compression;
import dev.estiba.layer.LayerWriter;
import dev.estiba.layer.WrittenLayer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Images whose blobs are in a {@link BlobStore}: made from change sets, copied in, read back. */
public final class StoredImages {
    private StoredImages() {
    }

    /** A layer to add, and the history row that records it. */
    public record LayerStep(ChangeSet changes, HistoryEntry history) {
    }

    /**
     * Writes each change set as a layer into the store, adds the layers and their history rows to
     * {@code base}, and stores the config and the manifest. Layers are independent, so up to {@code threads} of
     * them are written at once; the result does not depend on the number of threads.
     */
    public static Image assemble(BlobStore store, ImageConfig base, List<LayerStep> steps, LayerWriter writer,
                                 boolean docker, int threads) throws IOException {
        List<WrittenLayer> written = writeLayers(store, steps, writer, threads);
        ImageConfig config = base;
        List<Descriptor> layers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            WrittenLayer w = written.get(i);
            store.touch(w.digest());
            layers.add(w.descriptor(docker));
            config = config.plusLayer(w.diffId(), steps.get(i).history());
        }
        JsonBlob<ImageConfig> configBlob = JsonBlob.of(config);
        Descriptor configDescriptor = configBlob.descriptor(docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG);
        ImageManifest m = docker ? ImageManifest.docker(configDescriptor, layers)
            : ImageManifest.oci(configDescriptor, layers);
        Image image = new Image(JsonBlob.of(m), configBlob, store::open);
        put(store, image);
        return image;
    }

    /** Assembles on one thread. */
    public static Image assemble(BlobStore store, ImageConfig base, List<LayerStep> steps, LayerWriter writer,
                                 boolean docker) throws IOException {
        return assemble(store, base, steps, writer, docker, 1);
    }

    private static List<WrittenLayer> writeLayers(BlobStore store, List<LayerStep> steps, LayerWriter writer,
                                                  int threads) throws IOException {
        java.nio.file.Path dir = store.directory(Digest.SHA256);
        if (threads <= 1 || steps.size() <= 1) {
            List<WrittenLayer> out = new ArrayList<>();
            for (LayerStep step : steps) {
                out.add(writer.write(step.changes(), dir));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool =
            java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, steps.size()));
        try {
            List<java.util.concurrent.Future<WrittenLayer>> jobs = new ArrayList<>();
            for (LayerStep step : steps) {
                jobs.add(pool.submit(() -> writer.write(step.changes(), dir)));
            }
            List<WrittenLayer> out = new ArrayList<>();
            for (java.util.concurrent.Future<WrittenLayer> job : jobs) {
                try {
                    out.add(job.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing layers");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Assembles with the default writer (gzip 6, no time clamping). */
    public static Image assemble(BlobStore store, ImageConfig base, List<LayerStep> steps, boolean docker)
        throws IOException {
        return assemble(store, base, steps, new LayerWriter(Compression.gzip(6), null), docker);
    }

    /** Copies an image's blobs into the store, each verified, the manifest last. Returns the manifest digest. */
    public static Digest put(BlobStore store, Image image) throws IOException {
        for (Descriptor layer : image.layers()) {
            if (store.has(layer.digest())) {
                store.touch(layer.digest());
                continue;
            }
            try (InputStream in = image.blobs().open(layer.digest())) {
                store.put(in, layer.digest(), layer.size());
            }
        }
        store.put(image.config().bytes());
        return store.put(image.manifest().bytes());
    }

    /** The image a stored manifest describes; its blobs are read from the store. */
    public static Image read(BlobStore store, Digest manifestDigest) throws IOException {
        byte[] manifestBytes = store.read(manifestDigest);
        try {
            Manifest m = Manifest.parse(manifestBytes, "manifest " + manifestDigest);
            if (!(m instanceof ImageManifest im)) {
                throw new InvalidImageJsonException("manifest " + manifestDigest + " is an index");
            }
            byte[] configBytes = store.read(im.config().digest());
            ImageConfig config = ImageConfig.parse(configBytes, "config " + im.config().digest());
            return new Image(JsonBlob.read(im, manifestBytes), JsonBlob.read(config, configBytes), store::open);
        } catch (IllegalArgumentException e) {
            throw new IOException(store.root() + ": " + e.getMessage(), e);
        }
    }
}
