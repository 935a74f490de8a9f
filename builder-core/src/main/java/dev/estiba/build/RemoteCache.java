package dev.estiba.build;

import dev.estiba.image.BlobSource;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.Manifest;
import dev.estiba.registry.ImagePusher;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.RegistryClient;
import dev.estiba.registry.RegistryException;
import dev.estiba.registry.RemoteManifest;
import dev.estiba.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The registry side of the step cache ({@code --cache-from}, {@code --cache-to}; docs/cache-remote.md).
 * Imported artifacts add results to the local cache's: a key found there is a hit whose layer blob stays in the
 * registry until something reads it (a later RUN's or {@code COPY --from}'s root, the final image, an export
 * that must upload it), so a build fetches only what it uses. Every step the build settles is noted by stage,
 * for the export.
 */
final class RemoteCache implements BlobSource {
    /** An imported result and the cache reference it came from. */
    record Imported(StepCache.Hit hit, ImageReference from) {
    }

    /** An imported layer and the cache it can be fetched from. */
    private record RemoteBlob(Descriptor layer, ImageReference from) {
    }

    private final BlobStore store;
    private final RegistryClient client;
    private final Map<String, Imported> imported = new ConcurrentHashMap<>();
    private final Map<Digest, RemoteBlob> remoteBlobs = new ConcurrentHashMap<>();
    private final Map<Digest, Object> fetchLocks = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, StepCache.Hit>> settled = new ConcurrentHashMap<>();
    private ImageReference firstImport;

    /** A remote cache over the store; the client may be null when no registry cache is used. */
    RemoteCache(BlobStore store, RegistryClient client) {
        this.store = store;
        this.client = client;
    }

    /**
     * Reads the cache artifacts, the first one's result winning for a key several carry. A reference the
     * registry does not have is reported to {@code warnings} and skipped, as buildx does.
     *
     * @throws RegistryException when a registry fails otherwise, or the reference is not an estiba cache
     */
    void importFrom(List<CacheSpec> specs, Consumer<String> warnings) throws IOException {
        for (CacheSpec spec : specs) {
            ImageReference ref = parse(spec, "--cache-from");
            RemoteManifest remote;
            try {
                remote = client().fetchManifest(ref);
            } catch (RegistryException e) {
                if (e.kind() != RegistryException.Kind.NOT_FOUND) {
                    throw e;
                }
                warnings.accept("cache " + ref + " not found in the registry, ignored: " + e.getMessage());
                continue;
            }
            Manifest parsed = remote.parse();
            if (!(parsed instanceof ImageManifest m) || !CacheArtifact.isCache(m)) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, "cache " + ref
                    + ": not an estiba build cache (artifactType " + CacheArtifact.ARTIFACT_TYPE + ")");
            }
            Digest config = m.config().digest();
            if (!store.has(config)) {
                store.directory(config.algorithm());
                client().pullBlob(ref, m.config(), store.path(config));
            }
            CacheArtifact artifact;
            try {
                artifact = CacheArtifact.parse(store.read(config), m, "cache " + ref);
            } catch (IllegalArgumentException e) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, e.getMessage(), e);
            }
            artifact.steps().forEach((key, hit) -> imported.putIfAbsent(key, new Imported(hit, ref)));
            for (Descriptor layer : artifact.layers()) {
                remoteBlobs.putIfAbsent(layer.digest(), new RemoteBlob(layer, ref));
            }
            if (firstImport == null) {
                firstImport = ref;
            }
        }
    }

    /** An imported result for a key the local cache missed. */
    Optional<Imported> lookup(String key) {
        return Optional.ofNullable(imported.get(key));
    }

    /** Notes a settled step (hit or built) of a stage, for {@link #export}. */
    void settled(int stage, String key, StepCache.Hit result) {
        settled.computeIfAbsent(stage, s -> new ConcurrentHashMap<>()).put(key, result);
    }

    /** Opens a blob of the store, fetching it first when it is an imported layer the store lacks. */
    @Override
    public InputStream open(Digest digest) throws IOException {
        ensure(digest);
        return store.open(digest);
    }

    /** Makes sure the store has these layers, fetching the imported ones it lacks several at a time. */
    void fetch(Collection<Descriptor> layers) throws IOException {
        List<Digest> missing = layers.stream().map(Descriptor::digest).distinct()
            .filter(d -> remoteBlobs.containsKey(d) && !store.has(d)).toList();
        if (missing.size() <= 1) {
            for (Digest d : missing) {
                ensure(d);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(missing.size(),
            Math.max(1, client().options().parallelBlobs())));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Digest d : missing) {
                done.add(pool.submit(() -> {
                    ensure(d);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while fetching cached layers");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void ensure(Digest digest) throws IOException {
        RemoteBlob blob = remoteBlobs.get(digest);
        if (blob == null || store.has(digest)) {
            return;
        }
        // One download per blob when several stages need it at once.
        synchronized (fetchLocks.computeIfAbsent(digest, d -> new Object())) {
            if (!store.has(digest)) {
                store.directory(digest.algorithm());
                client().pullBlob(blob.from(), blob.layer(), store.path(digest));
            }
        }
    }

    /**
     * Pushes the results of these stages' steps as a cache artifact; blobs the registry has are not sent,
     * blobs an imported cache on the same registry holds are mounted from it.
     *
     * @return the artifact's manifest digest
     */
    Digest export(CacheSpec spec, Collection<Integer> stages) throws IOException {
        ImageReference ref = parse(spec, "--cache-to");
        SortedMap<String, StepCache.Hit> steps = new TreeMap<>();
        for (int s : stages) {
            steps.putAll(settled.getOrDefault(s, Map.of()));
        }
        CacheArtifact artifact = new CacheArtifact(steps);
        byte[] config = artifact.config();
        JsonBlob<ImageManifest> manifest = artifact.manifest(config);
        Digest configDigest = manifest.value().config().digest();
        BlobSource blobs = d -> d.equals(configDigest) ? new ByteArrayInputStream(config) : open(d);
        return new ImagePusher(client()).push(manifest.bytes(), manifest.value().effectiveMediaType(), blobs,
            List.of(ref), firstImport);
    }

    private RegistryClient client() {
        if (client == null) {
            throw new IllegalStateException("a registry cache needs a registry client (Build.registry)");
        }
        return client;
    }

    private static ImageReference parse(CacheSpec spec, String flag) throws RegistryException {
        try {
            return ImageReference.parse(spec.ref());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, flag + " " + spec.ref() + ": "
                + e.getMessage(), e);
        }
    }
}
