package dev.estiba.build;

import dev.estiba.files.FileTrees;
import dev.estiba.context.BuildContext;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.digest.ContentDigester;
import dev.estiba.context.digest.StatCache;
import dev.estiba.context.ignore.IgnoreFileException;
import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.MediaTypes;
import dev.estiba.instructions.InstructionException;
import dev.estiba.layer.Compression;
import dev.estiba.lint.FileResult;
import dev.estiba.plan.Base;
import dev.estiba.plan.BaseImage;
import dev.estiba.plan.Plan;
import dev.estiba.plan.PlanException;
import dev.estiba.plan.PlanOptions;
import dev.estiba.plan.Planner;
import dev.estiba.plan.Platform;
import dev.estiba.plan.Stage;
import dev.estiba.store.BlobStore;
import dev.estiba.store.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a Dockerfile into an OCI image, daemonless, in the spirit of jib-core's builders:
 * <pre>{@code
 * BuildResult r = Build.dockerfile(Path.of("Dockerfile")).context(Path.of("."))
 *     .buildArg("VERSION", "1.2").tag("app:1.2").output(Output.parse("type=docker,dest=app.tar"))
 *     .cacheDir(cache).listener(events::add).run();
 * }</pre>
 * Independent stages build in parallel; the image does not depend on the order they finish. Without
 * {@code SOURCE_DATE_EPOCH} (build arg or {@link #sourceDateEpoch}), every time in the image is the Unix epoch
 * (1970-01-01T00:00:00Z), so the same inputs give the same digest anywhere, any day.
 */
public final class Build {
    /** The time estiba writes without SOURCE_DATE_EPOCH: the Unix epoch. */
    public static final Instant FIXED_EPOCH = Instant.EPOCH;

    private final Path dockerfile;
    private Path context = Path.of(".");
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private String target;
    private Platform platform = Platform.host();
    private final List<Output> outputs = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private Path cacheDir;
    private boolean noCache;
    private boolean keepMtimes;
    private Compression compression = Compression.gzip(6);
    private BuildListener listener = BuildListener.NONE;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> namedContexts = new LinkedHashMap<>();
    private Instant sourceDateEpoch;
    private dev.estiba.registry.RegistryClient registry;
    private boolean alwaysPull;
    private RunPolicy runPolicy = RunPolicy.DEFAULT;
    private final List<CacheSpec> cacheFrom = new ArrayList<>();
    private final List<CacheSpec> cacheTo = new ArrayList<>();
    private dev.estiba.run.Isolation isolation = dev.estiba.run.Isolation.AUTO;
    private final Map<String, BuildSecret> secrets = new LinkedHashMap<>();
    private final Map<String, SshAgent> sshAgents = new LinkedHashMap<>();

    private Build(Path dockerfile) {
        this.dockerfile = dockerfile;
    }

    /** A build of this Dockerfile (it may be outside the context). */
    public static Build dockerfile(Path dockerfile) {
        return new Build(dockerfile);
    }

    /** The context directory (default: the current directory). */
    public Build context(Path dir) {
        this.context = dir;
        return this;
    }

    /** A {@code --build-arg}. */
    public Build buildArg(String name, String value) {
        buildArgs.put(name, value);
        return this;
    }

    /** The stage to build (default: the last). */
    public Build target(String stage) {
        this.target = stage;
        return this;
    }

    /** The platform built for (default: this machine's). */
    public Build platform(Platform p) {
        this.platform = p;
        return this;
    }

    /** An output; with none, the image only goes into the local store (under its tags). */
    public Build output(Output o) {
        outputs.add(o);
        return this;
    }

    /** A name for the image in the local store ({@code NAME:TAG}), also written into docker-save outputs. */
    public Build tag(String name) {
        tags.add(name);
        return this;
    }

    /** The cache and local store directory. */
    public Build cacheDir(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    /** Ignores cached step results (still records new ones). */
    public Build noCache() {
        this.noCache = true;
        return this;
    }

    /** Keeps the context's file times in COPY and ADD layers instead of the fixed time. */
    public Build keepMtimes() {
        this.keepMtimes = true;
        return this;
    }

    /** Layer compression (default gzip level 6). */
    public Build compression(Compression c) {
        this.compression = c;
        return this;
    }

    /** Receives progress events. */
    public Build listener(BuildListener l) {
        this.listener = l;
        return this;
    }

    /** A label added to the image ({@code --label}). */
    public Build label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    /** A named context ({@code --build-context NAME=SRC}): a directory, {@code oci-layout://}, {@code docker-archive://} or {@code docker-image://}. */
    public Build buildContext(String name, String source) {
        namedContexts.put(name, source);
        return this;
    }

    /** Pull FROM images the local store lacks from their registries through this client. */
    public Build registry(dev.estiba.registry.RegistryClient client) {
        this.registry = client;
        return this;
    }

    /** Re-check the registry for every FROM image, even one the store has ({@code --pull}; needs a registry). */
    public Build alwaysPull() {
        this.alwaysPull = true;
        return this;
    }

    /** The time for file times, {@code created} and history (overrides a SOURCE_DATE_EPOCH build arg). */
    public Build sourceDateEpoch(Instant time) {
        this.sourceDateEpoch = time;
        return this;
    }

    /**
     * Uses a registry cache ({@code --cache-from}; repeatable, the first one's result wins): on a local miss a
     * step found there is a hit, and its layer is fetched only when something reads it. A cache the registry
     * does not have is a warning. Needs {@link #registry}.
     *
     * @throws IllegalArgumentException when the reference is not a valid image reference
     */
    public Build cacheFrom(CacheSpec cache) {
        dev.estiba.registry.ImageReference.parse(cache.ref());
        cacheFrom.add(cache);
        return this;
    }

    /**
     * Exports the build's step cache to a registry after the build ({@code --cache-to}; repeatable), in
     * {@link CacheSpec.Mode#MIN} or {@link CacheSpec.Mode#MAX} mode. Needs {@link #registry}.
     *
     * @throws IllegalArgumentException when the reference is not a valid image reference
     */
    public Build cacheTo(CacheSpec cache) {
        dev.estiba.registry.ImageReference.parse(cache.ref());
        cacheTo.add(cache);
        return this;
    }

    /** The network of RUN steps without their own {@code --network} ({@code default} unless set). */
    public Build network(dev.estiba.run.NetworkMode mode) {
        this.runPolicy = new RunPolicy(mode, runPolicy.allowInsecure());
        return this;
    }

    /** The backend that runs RUN steps ({@code --isolation}; {@code auto} unless set). */
    public Build isolation(dev.estiba.run.Isolation backend) {
        this.isolation = backend;
        return this;
    }

    /** Allows {@code RUN --security=insecure} ({@code --allow security.insecure}). */
    public Build allowInsecure() {
        this.runPolicy = new RunPolicy(runPolicy.network(), true);
        return this;
    }

    /** A secret {@code RUN --mount=type=secret} steps may read ({@code --secret}); a later one with the same id wins. */
    public Build secret(BuildSecret s) {
        secrets.put(s.id(), s);
        return this;
    }

    /** An SSH agent {@code RUN --mount=type=ssh} steps may use ({@code --ssh}); a later one with the same id wins. */
    public Build ssh(SshAgent agent) {
        sshAgents.put(agent.id(), agent);
        return this;
    }

    /**
     * Runs the build: plans, builds the needed stages, stores the image (tagged), writes the outputs.
     *
     * @throws BuildException for a bad Dockerfile, a missing source or base, or any step that fails; nothing is
     *     written to the outputs then
     * @throws IOException when the store, the cache or an output cannot be written
     */
    public BuildResult run() throws BuildException, IOException {
        long started = System.nanoTime();
        if (cacheDir == null) {
            throw new IllegalStateException("cacheDir is required");
        }
        if (registry == null && !(cacheFrom.isEmpty() && cacheTo.isEmpty())) {
            throw new IllegalStateException("cacheFrom and cacheTo need a registry client");
        }
        // A missing context is named as such, before its default Dockerfile (CONTEXT/Dockerfile) is reported missing.
        if (!Files.exists(context)) {
            throw new BuildException("context " + context + ": no such directory", null);
        }
        Dockerfile tree;
        try {
            try (java.io.InputStream in = Files.newInputStream(dockerfile)) {
                tree = DockerfileParser.parse(dockerfile.getFileName().toString(), in);
            }
        } catch (DockerfileParseException e) {
            throw new BuildException(e.render(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BuildException(dockerfile + ": no such file", e);
        }
        FileResult checks = check();
        if (!checks.findings().isEmpty()) {
            listener.on(new BuildEvent.Checks(checks.file(), checks.findings()));
        }
        if (BuildChecks.failing(checks.findings())) {
            throw new BuildException(BuildChecks.violation(checks.findings()), null);
        }
        Instant time = time();
        BlobStore store = new BlobStore(cacheDir);
        ImageStore images = new ImageStore(store);
        BaseImages bases = new BaseImages(images, namedContexts, registry == null ? null : new RegistryPulls(registry,
            new dev.estiba.image.Platform(platform.os(), platform.architecture(),
                platform.variant().isEmpty() ? null : platform.variant()), cacheDir, alwaysPull));
        PlanOptions options = new PlanOptions(buildArgs, Optional.ofNullable(target), platform, Platform.host(),
            dev.estiba.plan.BaseImages.UNKNOWN);
        Plan plan = plan(tree, options);
        Map<String, StageImage> resolved = new HashMap<>();
        for (Stage s : plan.buildOrder()) {
            if (s.base().kind() == Base.Kind.IMAGE && !resolved.containsKey(s.base().reference())) {
                try {
                    resolved.put(s.base().reference(), bases.resolve(s.base().reference()));
                } catch (IllegalArgumentException | IOException e) {
                    throw new BuildException(s.from().origin(), "FROM failed: " + StageRun.message(e), e);
                }
            }
        }
        if (resolved.values().stream().anyMatch(img -> !env(img.config()).isEmpty() || !onBuild(img.config()).isEmpty())) {
            plan = plan(tree, options.withBaseImages((ref, p) -> Optional.ofNullable(resolved.get(ref))
                .map(img -> new BaseImage(ref, env(img.config()), onBuild(img.config())))));
        }
        for (String w : plan.warnings()) {
            listener.on(new BuildEvent.Warning(w));
        }
        ContextSnapshot snapshot;
        try {
            snapshot = BuildContext.snapshot(context, dockerfile);
        } catch (IgnoreFileException e) {
            throw new BuildException(e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BuildException("context " + context + ": no such directory", e);
        }
        StatCache stats = StatCache.open(cacheDir, snapshot);
        MountLeftovers.cleanAll(); // secrets of a build that was killed outright
        Path scratch = Files.createTempDirectory(mkdirs(cacheDir.resolve("tmp")), "build-");
        Map<Integer, CompletableFuture<Session.StageResult>> futures = new HashMap<>();
        Session session = new Session(store, new StepCache(cacheDir, store), new RemoteCache(store, registry),
            snapshot, ContentDigester.of(snapshot, stats), bases, compression, time, noCache, keepMtimes, scratch,
            cacheDir.resolve("downloads"), futures, listener, cacheDir);
        session.runPolicy = runPolicy;
        session.isolation = isolation;
        session.secrets = Map.copyOf(secrets);
        session.sshAgents = Map.copyOf(sshAgents);
        session.planStages = plan.buildOrder();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "estiba-stage");
            t.setDaemon(true);
            return t;
        });
        try {
            if (!noCache) {
                importCaches(session);
            }
            Session.StageResult result = buildStages(plan, session, resolved, pool, futures);
            stats.save();
            BuildResult built = finish(plan, session, result, images, started);
            exportCaches(plan, session);
            return new BuildResult(built.image(), built.manifestDigest(), checks.findings());
        } finally {
            pool.shutdownNow();
            FileTrees.deleteTree(scratch);
        }
    }

    /**
     * Runs the BuildKit build checks on the Dockerfile without building ({@code estiba build --check}), honouring
     * its {@code # check=skip=...;error=true;experimental=...} directive. {@link #run()} runs them first too, reports
     * the findings as a {@link BuildEvent.Checks} event, and fails when the directive says {@code error=true}.
     *
     * @throws BuildException when the Dockerfile is missing, does not parse, or has a malformed check directive
     */
    public FileResult check() throws BuildException, IOException {
        byte[] text;
        try {
            text = Files.readAllBytes(dockerfile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BuildException(dockerfile + ": no such file", e);
        }
        return BuildChecks.run(dockerfile.getFileName().toString(),
            new String(text, java.nio.charset.StandardCharsets.UTF_8), context);
    }

    private static Path mkdirs(Path p) throws IOException {
        Files.createDirectories(p);
        return p;
    }

    private Instant time() throws BuildException {
        if (sourceDateEpoch != null) {
            return sourceDateEpoch;
        }
        String sde = buildArgs.get("SOURCE_DATE_EPOCH");
        if (sde == null || sde.isEmpty()) {
            return FIXED_EPOCH;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(sde));
        } catch (NumberFormatException e) {
            throw new BuildException("SOURCE_DATE_EPOCH=\"" + sde + "\" is not a number of seconds", e);
        }
    }

    private static Plan plan(Dockerfile tree, PlanOptions options) throws BuildException {
        try {
            return Planner.plan(tree, options);
        } catch (InstructionException | PlanException e) {
            throw new BuildException(e.getMessage(), e);
        }
    }

    private static List<String> onBuild(ImageConfig c) {
        List<String> triggers = c.executionConfig().onBuild();
        return triggers == null ? List.of() : triggers;
    }

    private static Map<String, String> env(ImageConfig c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : c.executionConfig().env() == null ? List.<String>of() : c.executionConfig().env()) {
            int eq = e.indexOf('=');
            env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return env;
    }

    private Session.StageResult buildStages(Plan plan, Session session, Map<String, StageImage> resolved,
                                            ExecutorService pool,
                                            Map<Integer, CompletableFuture<Session.StageResult>> futures)
            throws BuildException, IOException {
        // Futures are made in file order, so every stage a stage needs has one already.
        for (Stage s : plan.buildOrder()) {
            List<CompletableFuture<Session.StageResult>> deps = new ArrayList<>();
            for (int d : s.dependsOn()) {
                deps.add(futures.get(d));
            }
            CompletableFuture<Session.StageResult> f = CompletableFuture.allOf(deps.toArray(new CompletableFuture[0]))
                .thenApplyAsync(v -> {
                    try {
                        StageImage base = switch (s.base().kind()) {
                            case SCRATCH -> BaseImages.scratch(plan.targetPlatform());
                            case STAGE -> futures.get(s.base().stage().orElseThrow()).join().image();
                            case IMAGE -> resolved.get(s.base().reference());
                        };
                        return new StageRun(session, s).run(base);
                    } catch (BuildException e) {
                        throw new CompletionException(e);
                    }
                }, pool);
            futures.put(s.index(), f);
        }
        try {
            return futures.get(plan.target()).join();
        } catch (CompletionException e) {
            Throwable c = e;
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof BuildException b) {
                throw b;
            }
            if (c instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw new BuildException(c.getMessage(), c);
        }
    }

    private void importCaches(Session session) throws IOException {
        for (CacheSpec spec : cacheFrom) {
            int id = session.vertex();
            long t0 = System.nanoTime();
            String text = "importing cache manifest from " + spec.ref();
            session.report(new BuildEvent.Export(id, text, false, 0));
            session.remote.importFrom(List.of(spec), w -> session.report(new BuildEvent.Warning(w)));
            session.report(new BuildEvent.Export(id, text, true, System.nanoTime() - t0));
        }
    }

    /** Pushes the step cache: the target's stage chain (min) or every stage built (max). */
    private void exportCaches(Plan plan, Session session) throws IOException {
        for (CacheSpec spec : cacheTo) {
            List<Integer> stages = new ArrayList<>();
            if (spec.mode() == CacheSpec.Mode.MAX) {
                plan.buildOrder().forEach(s -> stages.add(s.index()));
            } else {
                Map<Integer, Stage> byIndex = new HashMap<>();
                plan.buildOrder().forEach(s -> byIndex.put(s.index(), s));
                // The final image holds the layers of the stages it is FROM, so their steps go with it.
                for (Stage s = byIndex.get(plan.target()); s != null; ) {
                    stages.add(s.index());
                    s = s.base().kind() == Base.Kind.STAGE ? byIndex.get(s.base().stage().orElseThrow()) : null;
                }
            }
            int id = session.vertex();
            long t0 = System.nanoTime();
            String text = "exporting cache to registry " + spec.ref() + " (mode="
                + spec.mode().name().toLowerCase(java.util.Locale.ROOT) + ")";
            session.report(new BuildEvent.Export(id, text, false, 0));
            session.remote.export(spec, stages);
            session.report(new BuildEvent.Export(id, text, true, System.nanoTime() - t0));
        }
    }

    private BuildResult finish(Plan plan, Session session, Session.StageResult result, ImageStore images,
                               long started) throws IOException {
        ImageConfig config = result.image().config();
        if (!labels.isEmpty()) {
            ExecutionConfig ec = config.executionConfig();
            Map<String, String> all = new LinkedHashMap<>(ec.labels() == null ? Map.of() : ec.labels());
            all.putAll(labels);
            config = config.withConfig(ec.withLabels(all));
        }
        config = config.withCreated(session.created());
        // Layers that are still only in an imported registry cache come down now: the image needs them all.
        session.remote.fetch(result.image().layers());
        JsonBlob<ImageConfig> configBlob = JsonBlob.of(config);
        ImageManifest manifest = ImageManifest.oci(configBlob.descriptor(MediaTypes.OCI_CONFIG),
            result.image().layers());
        JsonBlob<ImageManifest> manifestBlob = JsonBlob.of(manifest);
        BlobStore store = session.store;
        store.put(configBlob.bytes());
        Digest digest = store.put(manifestBlob.bytes());
        Image image = new Image(manifestBlob, configBlob, store::open);
        String name = tags.isEmpty() ? null : ImageStore.normalize(tags.get(0));
        for (Output o : outputs) {
            int id = session.vertex();
            long t0 = System.nanoTime();
            String text = "exporting to " + o.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " " + o.dest();
            session.report(new BuildEvent.Export(id, text, false, 0));
            Outputs.write(o, image, name, session.scratch);
            session.report(new BuildEvent.Export(id, text, true, System.nanoTime() - t0));
        }
        for (String t : tags) {
            images.tag(t, digest);
        }
        for (Descriptor l : image.layers()) {
            store.touch(l.digest());
        }
        session.report(new BuildEvent.Finished(digest.toString(), image.id().toString(), System.nanoTime() - started));
        return new BuildResult(image, digest);
    }

}
