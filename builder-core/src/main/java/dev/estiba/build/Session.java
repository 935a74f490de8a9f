package dev.estiba.build;

import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.digest.ContentDigester;
import dev.estiba.layer.Compression;
import dev.estiba.layer.LayerWriter;
import dev.estiba.store.BlobStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** What every stage of one build shares: stores, cache, context, options, and the other stages' results. */
final class Session {
    final BlobStore store;
    final StepCache cache;
    /** Imported registry caches, lazy blobs, and the settled steps for export. */
    final RemoteCache remote;
    final ContextSnapshot context;
    final ContentDigester digester;
    final BaseImages bases;
    final Compression compression;
    final LayerWriter writer;
    final Instant time;
    final boolean noCache;
    final boolean keepMtimes;
    final Path scratch;
    final Path downloads;
    final Map<Integer, CompletableFuture<StageResult>> stages;
    private final BuildListener listener;
    private final Path cacheDir;
    private dev.estiba.run.StepRunner runner;
    /** What RUN steps may do, build-wide. */
    RunPolicy runPolicy = RunPolicy.DEFAULT;
    /** The isolation RUN steps use. */
    dev.estiba.run.Isolation isolation = dev.estiba.run.Isolation.AUTO;
    /** {@code --secret}s by id. */
    Map<String, BuildSecret> secrets = Map.of();
    /** {@code --ssh} agents by id. */
    Map<String, SshAgent> sshAgents = Map.of();
    /** The planned stages, for {@code RUN --mount from=} a stage name. */
    java.util.List<dev.estiba.plan.Stage> planStages = java.util.List.of();
    private final AtomicInteger vertices = new AtomicInteger();

    /**
     * A built stage.
     *
     * @param image its image
     * @param root its files, unpacked on demand
     */
    record StageResult(StageImage image, StageRoot root) {
    }

    Session(BlobStore store, StepCache cache, RemoteCache remote, ContextSnapshot context, ContentDigester digester,
            BaseImages bases, Compression compression, Instant time, boolean noCache, boolean keepMtimes, Path scratch,
            Path downloads, Map<Integer, CompletableFuture<StageResult>> stages, BuildListener listener,
            Path cacheDir) {
        this.cacheDir = cacheDir;
        this.store = store;
        this.cache = cache;
        this.remote = remote;
        this.context = context;
        this.digester = digester;
        this.bases = bases;
        this.compression = compression;
        this.writer = new LayerWriter(compression, null);
        this.time = time;
        this.noCache = noCache;
        this.keepMtimes = keepMtimes;
        this.scratch = scratch;
        this.downloads = downloads;
        this.stages = stages;
        this.listener = listener;
    }

    /** The RUN step runner, made when the first RUN needs it (with the build's isolation). */
    synchronized dev.estiba.run.StepRunner runner() throws java.io.IOException {
        if (runner == null) {
            runner = dev.estiba.run.StepRunner.create(cacheDir, isolation);
        }
        return runner;
    }

    /** Where RUN cache mounts persist across builds. */
    Path runMountCaches() {
        return cacheDir.resolve("run-mounts");
    }

    /**
     * A cached step result.
     *
     * @param hit the result
     * @param registryCache the imported registry cache it came from, or null for the local cache
     */
    record Cached(StepCache.Hit hit, String registryCache) {
    }

    /**
     * A step's cached result: the local cache's, else an imported registry cache's (then also recorded locally,
     * so a later build finds it once its blob is in the store). None with {@code --no-cache}.
     */
    Optional<Cached> lookup(String key) throws java.io.IOException {
        if (noCache) {
            return Optional.empty();
        }
        Optional<StepCache.Hit> local = cache.lookup(key);
        if (local.isPresent()) {
            return Optional.of(new Cached(local.get(), null));
        }
        Optional<RemoteCache.Imported> imported = remote.lookup(key);
        if (imported.isEmpty()) {
            return Optional.empty();
        }
        StepCache.Hit hit = imported.get().hit();
        cache.record(key, hit.layer(), hit.diffId());
        return Optional.of(new Cached(hit, imported.get().from().toString()));
    }

    /** The next vertex number. */
    int vertex() {
        return vertices.incrementAndGet();
    }

    /** Reports an event; one at a time. */
    synchronized void report(BuildEvent e) {
        listener.on(e);
    }

    /** The build's time in RFC 3339, for {@code created} and history. */
    String created() {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }
}
