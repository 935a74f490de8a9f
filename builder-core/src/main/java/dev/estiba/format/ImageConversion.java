package dev.estiba.format;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.MediaTypes;
import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import dev.estiba.layer.Recompression;
import dev.estiba.layer.WrittenLayer;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Changes an image's manifest family (OCI or Docker v2.2) and the compression of its layers. The config is never
 * touched, so the image id stays. When nothing changes the image is returned as it is (same manifest bytes).
 * Independent layers are recompressed in parallel into the blob store.
 */
public final class ImageConversion {
    private ImageConversion() {
    }

    /**
     * @param docker true for a Docker v2.2 manifest, false for OCI, null to keep the source's
     * @param compression the layer compression to write, or null to keep each layer as it is; layers already
     *     compressed with the requested type are kept
     * @param store where recompressed layers go
     * @param threads how many layers to recompress at once
     */
    public static Image convert(Image source, Boolean docker, Compression compression, BlobStore store, int threads)
        throws IOException {
        boolean toDocker = docker == null ? source.isDocker() : docker;
        List<Descriptor> layers = source.layers();
        List<Digest> diffIds = source.config().value().rootfs().diffIds();
        Map<Digest, WrittenLayer> rewritten = new HashMap<>();
        if (compression != null) {
            rewritten = recompress(source, compression, store, threads, diffIds);
        }
        if (toDocker == source.isDocker() && rewritten.isEmpty()) {
            return source;
        }
        List<Descriptor> newLayers = new ArrayList<>();
        for (Descriptor l : layers) {
            WrittenLayer w = rewritten.get(l.digest());
            if (w != null) {
                newLayers.add(w.descriptor(toDocker));
            } else {
                newLayers.add(l.withMediaType(layerType(l, toDocker)));
            }
        }
        ImageManifest m = source.manifest().value();
        Descriptor config = m.config().withMediaType(toDocker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG);
        ImageManifest out = toDocker
            ? ImageManifest.docker(config, newLayers)
            : ImageManifest.oci(config, newLayers).withAnnotations(m.isDocker() ? null : m.annotations());
        java.util.Set<Digest> fresh = new java.util.HashSet<>();
        rewritten.values().forEach(w -> fresh.add(w.digest()));
        return new Image(JsonBlob.of(out), source.config(),
            digest -> fresh.contains(digest) ? store.open(digest) : source.blobs().open(digest));
    }

    private static String layerType(Descriptor layer, boolean docker) throws ImageFormatException {
        CompressionType type = CompressionType.ofMediaType(layer.mediaType());
        if (type == null) {
            throw new ImageFormatException("layer " + layer.digest() + ": unsupported media type " + layer.mediaType());
        }
        return type.mediaType(docker);
    }

    private static Map<Digest, WrittenLayer> recompress(Image source, Compression to, BlobStore store, int threads,
                                                        List<Digest> diffIds) throws IOException {
        List<Descriptor> layers = source.layers();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, layers.size())));
        try {
            Map<Digest, Future<WrittenLayer>> jobs = new HashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                Descriptor l = layers.get(i);
                CompressionType from = CompressionType.ofMediaType(l.mediaType());
                if (from == null) {
                    throw new ImageFormatException("layer " + l.digest() + ": unsupported media type " + l.mediaType());
                }
                if (from == to.type() || jobs.containsKey(l.digest())) {
                    continue;
                }
                Digest diffId = diffIds.get(i);
                jobs.put(l.digest(), pool.submit(() -> {
                    try (InputStream in = source.open(l)) {
                        return Recompression.recompress(in, from, to, diffId, store.directory(Digest.SHA256));
                    }
                }));
            }
            Map<Digest, WrittenLayer> out = new HashMap<>();
            for (Map.Entry<Digest, Future<WrittenLayer>> j : jobs.entrySet()) {
                try {
                    out.put(j.getKey(), j.getValue().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while recompressing layers");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
