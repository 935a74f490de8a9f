package dev.estiba.build;

import dev.estiba.build.copy.ArchiveExtractor;
import dev.estiba.build.copy.CopyWriter;
import dev.estiba.build.copy.Download;
import dev.estiba.build.copy.ExistingTree;
import dev.estiba.build.copy.GitSource;
import dev.estiba.build.copy.LayerChanges;
import dev.estiba.build.copy.Owner;
import dev.estiba.build.copy.SymbolicMode;
import dev.estiba.context.BuildContext;
import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.EntryType;
import dev.estiba.context.digest.ContentDigester;
import dev.estiba.context.digest.MetadataRule;
import dev.estiba.context.digest.SelectionDiff;
import dev.estiba.context.digest.SelectionDigest;
import dev.estiba.context.digest.StatCache;
import dev.estiba.context.ignore.IgnoreFileException;
import dev.estiba.context.pattern.GoGlob;
import dev.estiba.context.pattern.GoPath;
import dev.estiba.context.select.CopySources;
import dev.estiba.context.select.SelectedEntry;
import dev.estiba.context.select.SourceException;
import dev.estiba.context.select.SourceSelector;
import dev.estiba.context.select.SourceTree;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.ImageConfig;
import dev.estiba.instructions.AddInstruction;
import dev.estiba.instructions.Command;
import dev.estiba.instructions.CopyInstruction;
import dev.estiba.instructions.FileMode;
import dev.estiba.instructions.InlineFile;
import dev.estiba.instructions.Instruction;
import dev.estiba.instructions.Origin;
import dev.estiba.instructions.WorkdirInstruction;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.WrittenLayer;
import dev.estiba.plan.Stage;
import dev.estiba.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/** Builds one stage: FROM's image, then each step in order, each FILE step through the cache. */
final class StageRun {
    static final String HISTORY_COMMENT = "buildkit.dockerfile.v0";

    private final Session session;
    private final Stage stage;
    private final String name;
    private StageImage image;
    private StageRoot root;
    private boolean cmdSet;

    StageRun(Session session, Stage stage) {
        this.session = session;
        this.stage = stage;
        this.name = stage.displayName();
    }

    Session.StageResult run(StageImage base) throws BuildException {
        int total = stage.steps().size() + 1;
        int fromId = session.vertex();
        long t0 = System.nanoTime();
        session.report(new BuildEvent.StepStarted(fromId, name, 1, total, "FROM " + stage.base().reference()));
        // The base's ONBUILD triggers run as this stage's first steps (the plan put them there); the image keeps none.
        ExecutionConfig baseConfig = base.config().executionConfig();
        image = baseConfig.onBuild() == null ? base
            : new StageImage(base.config().withConfig(baseConfig.withOnBuild(null)), base.layers(), base.key());
        root = newRoot();
        session.report(new BuildEvent.StepDone(fromId, false, System.nanoTime() - t0, List.of()));
        int position = 1;
        for (Step step : stage.steps()) {
            position++;
            Instruction i = step.expanded().orElseThrow();
            int id = session.vertex();
            long start = System.nanoTime();
            session.report(new BuildEvent.StepStarted(id, name, position, total, display(step.instruction())));
            try {
                List<String> explain = execute(BuildStep.of(i), step);
                boolean cached = !explain.isEmpty() && explain.get(0).equals(CACHED);
                session.report(new BuildEvent.StepDone(id, cached, System.nanoTime() - start, explain));
            } catch (BuildException e) {
                session.report(new BuildEvent.StepFailed(id, e.getMessage()));
                throw e;
            } catch (IOException | RuntimeException e) {
                BuildException b = new BuildException(i.origin(), i.keyword().name() + " failed: " + message(e), e);
                session.report(new BuildEvent.StepFailed(id, b.getMessage()));
                throw b;
            }
        }
        return new Session.StageResult(image, root);
    }

    static final String CACHED = "cache hit";

    /** {@code cache hit}, and where from when a registry cache had it. */
    private static List<String> hitExplained(Session.Cached c) {
        return c.registryCache() == null ? List.of(CACHED) : List.of(CACHED, "  from the registry cache "
            + c.registryCache());
    }

    private List<String> execute(BuildStep kind, Step step) throws BuildException, IOException {
        if (kind instanceof BuildStep.ConfigStep c) {
            config(c.instruction());
            return List.of();
        }
        if (kind instanceof BuildStep.FileStep f) {
            return files(f.instruction(), step);
        }
        return run(((BuildStep.RunStep) kind).instruction(), step);
    }

    /**
     * RUN through {@code dev.estiba.run}: the stage's files as the read-only lower, the step's writes as its layer.
     * Keyed by the parent key, the command and the build environment it sees.
     */
    private List<String> run(dev.estiba.instructions.RunInstruction r, Step step) throws BuildException, IOException {
        ExecutionConfig ec = image.config().executionConfig();
        dev.estiba.run.NetworkMode network;
        try {
            network = r.network().map(dev.estiba.run.NetworkMode::parse).orElse(session.runPolicy.network());
        } catch (IllegalArgumentException e) {
            throw new BuildException(r.origin(), "RUN: " + e.getMessage(), e);
        }
        dev.estiba.run.SecurityMode security = security(r);
        Command command = r.command();
        Optional<RunHeredocs.Script> script = Optional.empty();
        if (command instanceof Command.Shell sh && !r.heredocs().isEmpty()) {
            RunHeredocs.Shaped shaped = RunHeredocs.shape(sh.text(), r.heredocs());
            command = new Command.Shell(shaped.text());
            script = shaped.script();
        }
        List<String> argv = ConfigSteps.argv(command, ec);
        // BuildKit writes the ARGs in scope before the command: RUN |1 GREETING=hi /bin/sh -c ...
        List<String> args = new ArrayList<>();
        step.args().forEach((k, v) -> args.add(k + "=" + v));
        String createdBy = "RUN " + (args.isEmpty() ? "" : "|" + args.size() + " " + String.join(" ", args) + " ")
            + String.join(" ", argv);
        List<String> env = new ArrayList<>();
        step.buildEnv().forEach((k, v) -> env.add(k + "=" + v));
        String cwd = ec.workingDir() == null || ec.workingDir().isEmpty() ? "/" : ec.workingDir();
        StepMounts stepMounts = StepMounts.resolve(session, stage.index(), r.mounts(), step.buildEnv(), cwd,
            r.origin());
        env.addAll(stepMounts.env());
        String key = StepCache.key(image.key(), createdBy, String.join("\n", env), session.compression.type().name(),
            session.created(), "mounts=" + stepMounts.key(), "network=" + network, "security=" + security,
            script.map(x -> x.name() + "\n" + x.content()).orElse(""));
        Optional<Session.Cached> hit = session.lookup(key);
        if (hit.isPresent()) {
            commit(hit.get().hit().layer(), hit.get().hit().diffId(), createdBy, ec, key);
            return hitExplained(hit.get());
        }
        // USER as runc resolves it for BuildKit (not --chown's rules): a numeric user takes its passwd group (else 0),
        // and a user without a group gets the groups that list it as supplementary groups.
        dev.estiba.run.image.ImageUser user = dev.estiba.run.image.ImageUser.ROOT;
        if (ec.user() != null && !ec.user().isEmpty()) {
            try {
                user = dev.estiba.run.image.ImageUser.resolve(ec.user(),
                    new dev.estiba.run.diff.LowerView(List.of(root.directory())));
            } catch (dev.estiba.run.RunException | IllegalArgumentException e) {
                throw new BuildException(r.origin(), "RUN failed: USER " + ec.user() + ": " + e.getMessage(), e);
            }
        }
        Path upper = Files.createTempDirectory(session.scratch, "upper-");
        try (StepMounts.Opened opened = stepMounts.open()) {
            List<String> processEnv = new ArrayList<>(env);
            processEnv.addAll(opened.env); // secrets: never in the key, the history or the config
            dev.estiba.run.ProcessSpec process = new dev.estiba.run.ProcessSpec(argv, processEnv, cwd,
                user.uid(), user.gid(), user.additionalGids(), "buildkitsandbox");
            return runStep(r, argv, createdBy, ec, key, script, process, upper, opened.mounts, network, security);
        }
    }

    private List<String> runStep(dev.estiba.instructions.RunInstruction r, List<String> argv, String createdBy,
                                 ExecutionConfig ec, String key, Optional<RunHeredocs.Script> script,
                                 dev.estiba.run.ProcessSpec process, Path upper, List<dev.estiba.run.MountSpec> opened,
                                 dev.estiba.run.NetworkMode network, dev.estiba.run.SecurityMode security)
            throws BuildException, IOException {
        List<dev.estiba.run.MountSpec> mounts = new ArrayList<>(opened);
        if (script.isPresent()) {
            // BuildKit's shape: the script alone in a read-only directory at /dev/pipes, run through the shell.
            Path pipes = Files.createTempDirectory(session.scratch, "pipes-");
            Path file = pipes.resolve(script.get().name());
            Files.writeString(file, script.get().content());
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            mounts.add(new dev.estiba.run.MountSpec.Bind(pipes, RunHeredocs.SCRIPT_DIR, true));
        }
        dev.estiba.run.RunSpec spec = dev.estiba.run.RunSpec.of(
                new dev.estiba.run.rootfs.RootFs.Layered(List.of(root.directory()), upper), process)
            .withNetwork(network).withSecurity(security).withMounts(mounts);
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        dev.estiba.run.StepOutcome outcome;
        try {
            outcome = session.runner().run(spec, new dev.estiba.run.StdStreams(java.io.InputStream.nullInputStream(),
                output, output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(r.origin(), "RUN interrupted", e);
        }
        if (!outcome.result().succeeded()) {
            String log = output.toString(StandardCharsets.UTF_8).strip();
            throw new BuildException(r.origin(), "RUN failed: process \"" + String.join(" ", argv)
                + "\" did not complete successfully: " + outcome.result().describe()
                + (log.isEmpty() ? "" : "\n" + tail(log)), null);
        }
        ChangeSet changes = outcome.layerChanges();
        Descriptor layer = null;
        Digest diffId = null;
        if (!changes.entries().isEmpty() || !changes.deleted().isEmpty()) {
            // RUN output keeps its own times, clamped to the build's time so the layer stays reproducible.
            WrittenLayer w = new dev.estiba.layer.LayerWriter(session.compression, session.time)
                .write(changes, session.store.directory(Digest.SHA256));
            layer = w.descriptor(false);
            diffId = w.diffId();
        }
        session.cache.record(key, layer, diffId);
        commit(layer, diffId, createdBy, ec, key);
        return List.of(session.noCache ? "cache miss: --no-cache" : "cache miss: not run before after the same earlier steps");
    }

    /** {@code --security}: {@code sandbox} unless {@code insecure} is asked for, which the build must allow. */
    private dev.estiba.run.SecurityMode security(dev.estiba.instructions.RunInstruction r) throws BuildException {
        // The instruction parser has refused any other value.
        if (!r.security().orElse("sandbox").equals("insecure")) {
            return dev.estiba.run.SecurityMode.SANDBOX;
        }
        if (!session.runPolicy.allowInsecure()) {
            throw new BuildException(r.origin(), "RUN --security=insecure is not allowed: "
                + "build with --allow security.insecure to grant it", null);
        }
        return dev.estiba.run.SecurityMode.INSECURE;
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 10), lines.length));
    }

    private void config(Instruction i) {
        ConfigSteps.Change ch = ConfigSteps.apply(i, image.config().executionConfig(), cmdSet);
        if (i instanceof dev.estiba.instructions.CmdInstruction) {
            cmdSet = true;
        }
        ImageConfig c = image.config().withConfig(ch.config());
        if (ch.author() != null) {
            c = c.withAuthor(ch.author());
        }
        if (ch.createdBy() != null) {
            c = c.plusHistory(history(ch.createdBy(), true));
        }
        String text = ch.createdBy() == null ? i.origin().line() : ch.createdBy();
        image = new StageImage(c, image.layers(), StepCache.key(image.key(), text));
    }

    private HistoryEntry history(String createdBy, boolean empty) {
        return new HistoryEntry(session.created(), createdBy, null, HISTORY_COMMENT, empty ? Boolean.TRUE : null, null);
    }

    /** A FILE step: its key, then the cached layer or a new one. Returns the --explain-cache lines. */
    private List<String> files(Instruction i, Step step) throws BuildException, IOException {
        // COPY --from a stage: first a key over the stage's layers, known without unpacking or hashing its files.
        Optional<String> early = i instanceof CopyInstruction c ? stageLayersKey(c, step) : Optional.empty();
        if (early.isPresent() && !session.noCache) {
            Optional<StepCache.Hit> hit = session.cache.lookup(early.get());
            if (hit.isPresent()) {
                CopyInstruction c = (CopyInstruction) i;
                commit(hit.get().layer(), hit.get().diffId(), copyCreatedBy(c), image.config().executionConfig(),
                    hit.get().chain());
                return List.of(CACHED);
            }
        }
        Prepared p;
        if (i instanceof WorkdirInstruction w) {
            p = workdir(w);
        } else if (i instanceof CopyInstruction c) {
            p = copy(c, step);
        } else {
            p = add((AddInstruction) i, step);
        }
        // A COPY that cannot hit the cache (see prepareCopy) writes its layer first, hashing the sources without a
        // known digest on the way, and is keyed after: each file is read once instead of twice.
        WrittenLayer written = p.onePass ? write(p) : null;
        KeyInputs k = p.inputs.make();
        // --link: the layer is made on an empty tree, so its key leaves the parent out (the layer is rebased);
        // the stage's chain still goes on from the parent.
        String parent = parentKey(p.link);
        String key = StepCache.key(parent, p.createdBy, k.sourceDigest, usedArgs(step),
            session.compression.type().name(), Boolean.toString(session.keepMtimes), session.created());
        String slot = slot(parent, p.createdBy);
        String chain = p.link ? StepCache.key(image.key(), key) : key;
        List<String> explain = new ArrayList<>();
        Optional<Session.Cached> hit = session.lookup(key);
        ExecutionConfig ec = p.config == null ? image.config().executionConfig() : p.config;
        if (hit.isPresent()) {
            if (early.isPresent()) {
                session.cache.record(early.get(), hit.get().hit().layer(), hit.get().hit().diffId(), chain);
            }
            commit(hit.get().hit().layer(), hit.get().hit().diffId(), p.createdBy, ec, key, chain);
            return hitExplained(hit.get());
        }
        if (session.noCache) {
            explain.add("cache miss: --no-cache");
        } else {
            Optional<List<SelectionDigest.Record>> before = session.cache.lastSelection(slot);
            if (before.isEmpty()) {
                explain.add("cache miss: no earlier result for this instruction after the same earlier steps");
            } else {
                List<String> diff = SelectionDiff.describe(before.get(), k.records, 10);
                if (diff.isEmpty()) {
                    explain.add("cache miss: build arguments, compression or times changed");
                } else {
                    explain.add("cache miss: sources changed");
                    diff.forEach(d -> explain.add("  " + d));
                }
            }
        }
        if (!p.onePass) {
            written = write(p);
        }
        Descriptor layer = written == null ? null : written.descriptor(false);
        Digest diffId = written == null ? null : written.diffId();
        session.cache.record(key, layer, diffId);
        if (early.isPresent()) {
            session.cache.record(early.get(), layer, diffId, chain);
        }
        session.cache.rememberSelection(slot, k.records);
        commit(layer, diffId, p.createdBy, ec, key, chain);
        return explain;
    }

    /** The cache slot of a FILE step: its parent key and instruction, without the sources. */
    private static String slot(String parent, String createdBy) {
        return StepCache.key(parent, createdBy, "slot");
    }

    /** The parent part of a FILE step's key: the stage's key, or none for a {@code --link} layer. */
    private String parentKey(boolean link) {
        return link ? LINKED : image.key();
    }

    /** The step's layer, or null when it changes no file. */
    private WrittenLayer write(Prepared p) throws IOException, BuildException {
        ChangeSet changes = p.changes.make();
        return changes == null ? null : session.writer.write(changes, session.store.directory(Digest.SHA256));
    }

    /**
     * For {@code COPY --from=<stage>}: a key over the parent key, the instruction and the digests of the source
     * stage's layers, which fix every byte the step can read, so a hit needs neither the stage's files unpacked nor
     * their contents hashed. Empty for other sources (the context, images, named contexts) and --no-cache.
     */
    private Optional<String> stageLayersKey(CopyInstruction c, Step step) {
        if (c.from().isEmpty() || step.stageRefs().isEmpty() || session.noCache) {
            return Optional.empty();
        }
        List<Descriptor> layers;
        try {
            layers = session.stages.get(step.stageRefs().get(0)).get().image().layers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty(); // the full path reports the failed stage
        }
        StringBuilder digests = new StringBuilder();
        layers.forEach(d -> digests.append(d.digest()).append('\n'));
        return Optional.of(StepCache.key(image.key(), copyCreatedBy(c), "from-stage-layers", digests.toString(),
            usedArgs(step), session.compression.type().name(), Boolean.toString(session.keepMtimes),
            session.created()));
    }

    private static String copyCreatedBy(CopyInstruction c) {
        return createdBy("COPY", flags(c.from().map(f -> "--from=" + f), c.chown(), c.chmod(), c.link(), c.parents()),
            c.sources(), c.inlineFiles(), c.destination());
    }

    /** The history text of a COPY or ADD. */
    private static String createdBy(String keyword, String flags, List<String> sources, List<InlineFile> inline,
                                    String rawDest) {
        String text = keyword + " " + flags + String.join(" ", sources)
            + inline.stream().map(f -> " <<" + f.name()).reduce("", String::concat) + " " + rawDest;
        return text.replace("  ", " ");
    }

    private void commit(Descriptor layer, Digest diffId, String createdBy, ExecutionConfig ec, String key) {
        commit(layer, diffId, createdBy, ec, key, key);
    }

    /**
     * Adds the step's result to the stage: {@code key} is what the step is looked up under (and exported to a
     * registry cache as), {@code chain} the key the next step builds on (they differ for a {@code --link} layer).
     */
    private void commit(Descriptor layer, Digest diffId, String createdBy, ExecutionConfig ec, String key,
                        String chain) {
        session.remote.settled(stage.index(), key, new StepCache.Hit(layer, diffId));
        ImageConfig c = image.config().withConfig(ec);
        List<Descriptor> layers = new ArrayList<>(image.layers());
        if (layer == null) {
            c = c.plusHistory(history(createdBy, true));
        } else {
            c = c.plusLayer(diffId, history(createdBy + " # buildkit", false));
            layers.add(layer);
        }
        image = new StageImage(c, layers, chain);
        root = root.next(image.layers());
    }

    private StageRoot newRoot() {
        return new StageRoot(session.remote, image.layers(), session.scratch, "stage \"" + name + "\"");
    }

    /**
     * A FILE step ready to run: its history text, what its key covers, how to make its changes, whether the
     * changes are made before the key (they read the sources whose digests the key needs), and whether it is a
     * {@code --link} layer (made on an empty tree, keyed without the parent).
     */
    private record Prepared(String createdBy, KeyInputsMaker inputs, ExecutionConfig config, ChangesMaker changes,
                            boolean onePass, boolean link) {
        Prepared(String createdBy, KeyInputsMaker inputs, ExecutionConfig config, ChangesMaker changes,
                 boolean onePass) {
            this(createdBy, inputs, config, changes, onePass, false);
        }
    }

    /** What a FILE step's key covers beyond the instruction: the sources' digest and its records. */
    private record KeyInputs(String sourceDigest, List<SelectionDigest.Record> records) {
    }

    @FunctionalInterface
    private interface KeyInputsMaker {
        KeyInputs make() throws IOException, BuildException;
    }

    /** The parent key of every {@code --link} step: none. */
    private static final String LINKED = "link";

    @FunctionalInterface
    private interface ChangesMaker {
        /** The change set, or null when the step changes no file. */
        ChangeSet make() throws IOException, BuildException;
    }

    private Prepared workdir(WorkdirInstruction w) throws BuildException, IOException {
        String current = image.config().executionConfig().workingDir();
        // BuildKit creates a missing WORKDIR as the USER in force.
        String user = image.config().executionConfig().user();
        Owner.Ids owner = new Owner.Ids(0, 0);
        if (user != null && !user.isEmpty()) {
            try {
                owner = Owner.resolve(user, root.accounts());
            } catch (IllegalArgumentException e) {
                throw new BuildException(w.origin(), "WORKDIR failed: USER " + user + ": " + e.getMessage(), e);
            }
        }
        Owner.Ids ids = owner;
        String path = w.path().startsWith("/") ? w.path() : CopyWriter.join(current == null ? "/" : current, w.path());
        path = GoPath.clean(path);
        ExecutionConfig ec = image.config().executionConfig().withWorkingDir(path);
        String target = path;
        KeyInputs inputs = new KeyInputs(ids.uid() + ":" + ids.gid(), List.of());
        return new Prepared("WORKDIR " + path, () -> inputs, ec, () -> {
            LayerChanges out = new LayerChanges(root, session.time, ids.uid(), ids.gid());
            out.ensureDirectory(root.resolve(target));
            return out.isEmpty() ? null : out.build();
        }, false);
    }

    private String destination(String dest) {
        if (dest.startsWith("/")) {
            return dest;
        }
        String wd = image.config().executionConfig().workingDir();
        String joined = GoPath.clean(CopyWriter.join(wd == null || wd.isEmpty() ? "/" : wd, dest));
        boolean dir = dest.endsWith("/") || dest.equals(".") || dest.endsWith("/.");
        return dir && !joined.endsWith("/") ? joined + "/" : joined;
    }

    private Prepared copy(CopyInstruction c, Step step) throws BuildException, IOException {
        Origin o = c.origin();
        Source src = source(c.from(), step, o);
        List<SelectedEntry> selection = select(src.tree, c.sources(), c.excludes(), c.parents(), o, "COPY");
        return prepareCopy("COPY", o, c.sources(), c.inlineFiles(), selection, src, c.chown(), c.chmod(),
            c.destination(), flags(c.from().map(f -> "--from=" + f), c.chown(), c.chmod(), c.link(), c.parents()),
            List.of(), c.link());
    }

    private Prepared add(AddInstruction a, Step step) throws BuildException, IOException {
        Origin o = a.origin();
        List<String> local = new ArrayList<>();
        List<Download> downloads = new ArrayList<>();
        if (a.sources().stream().anyMatch(GitSource::isGit)) {
            return addGit(a);
        }
        for (String s : a.sources()) {
            if (Download.isUrl(s)) {
                try {
                    String name = "ADD " + s;
                    downloads.add(Download.fetch(s, session.downloads, a.checksum(),
                        (done, total, end) -> session.report(new BuildEvent.Transfer(name, done, total, end))));
                } catch (IOException e) {
                    throw new BuildException(o, "ADD failed: " + message(e), e);
                }
            } else {
                local.add(s);
            }
        }
        if (a.checksum().isPresent() && downloads.isEmpty()) {
            throw new BuildException(o, "ADD failed: --checksum is only for http(s) sources", null);
        }
        Source src = new Source(session.context, session.context, session.digester, null);
        List<SelectedEntry> selection = select(src.tree, local, a.excludes(), false, o, "ADD");
        return prepareCopy("ADD", o, a.sources(), a.inlineFiles(), selection, src, a.chown(), a.chmod(),
            a.destination(), flags(Optional.empty(), a.chown(), a.chmod(), a.link(), false), downloads, a.link());
    }

    /**
     * ADD of a Git repository: the ref's commit checked out (through the cache), its tree (or the fragment's
     * subdirectory) copied into the destination directory as a directory source is. The key covers the commit
     * through the content digests of what it holds.
     */
    private Prepared addGit(AddInstruction a) throws BuildException, IOException {
        Origin o = a.origin();
        if (a.sources().size() != 1) {
            throw new BuildException(o, "ADD failed: a Git source must be the only source of its ADD", null);
        }
        GitSource git = GitSource.parse(a.sources().get(0));
        GitSource.Checkout checkout;
        try {
            checkout = git.fetch(session.downloads, a.keepGitDir(), a.checksum());
        } catch (IOException e) {
            throw new BuildException(o, "ADD failed: " + message(e), e);
        }
        // The repository's own .dockerignore is data here, as in BuildKit.
        ContextSnapshot snap = dev.estiba.context.ContextWalker.walk(checkout.directory(),
            dev.estiba.context.ignore.IgnoreFile.NONE, dev.estiba.context.ignore.BuildFiles.NONE);
        Source src = new Source(snap, snap, ContentDigester.of(snap, StatCache.inMemory()), null);
        List<SelectedEntry> selection = select(src.tree, List.of("."), a.excludes(), false, o, "ADD");
        String flags = flags(Optional.empty(), a.chown(), a.chmod(), a.link(), false)
            + (a.keepGitDir() ? "--keep-git-dir " : "") + a.checksum().map(c -> "--checksum=" + c + " ").orElse("");
        return prepareCopy("ADD", o, a.sources(), List.of(), selection, src, a.chown(), a.chmod(), a.destination(),
            flags, List.of(), a.link());
    }

    private static String flags(Optional<String> from, Optional<String> chown, Optional<String> chmod, boolean link,
                                boolean parents) {
        StringBuilder b = new StringBuilder();
        from.ifPresent(f -> b.append(f).append(' '));
        chown.ifPresent(v -> b.append("--chown=").append(v).append(' '));
        chmod.ifPresent(v -> b.append("--chmod=").append(v).append(' '));
        if (link) {
            b.append("--link ");
        }
        if (parents) {
            b.append("--parents ");
        }
        return b.toString();
    }

    /** Where COPY reads from: the tree, its digester, and the stage root when owners are kept. */
    private record Source(SourceTree tree, ContextSnapshot files, ContentDigester digester, StageRoot keepOwners) {
    }

    private Source source(Optional<String> from, Step step, Origin o) throws BuildException, IOException {
        if (from.isEmpty()) {
            return new Source(session.context, session.context, session.digester, null);
        }
        StageRoot other;
        if (!step.stageRefs().isEmpty()) {
            try {
                other = session.stages.get(step.stageRefs().get(0)).get().root();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildException(o, "interrupted", e);
            } catch (ExecutionException e) {
                throw new BuildException(o, "COPY failed: stage " + from.get() + " failed", e.getCause());
            }
        } else {
            String named = session.bases.namedContext(from.get());
            if (named != null && !named.contains("://")) {
                try {
                    ContextSnapshot snap = BuildContext.snapshot(Path.of(named), null);
                    return new Source(snap, snap, ContentDigester.of(snap, StatCache.inMemory()), null);
                } catch (IgnoreFileException e) {
                    throw new BuildException(o, "COPY failed: " + e.getMessage(), e);
                }
            }
            StageImage img;
            try {
                img = session.bases.resolve(from.get());
            } catch (IllegalArgumentException e) {
                throw new BuildException(o, "COPY failed: --from=" + from.get() + ": " + e.getMessage(), e);
            }
            other = new StageRoot(session.remote, img.layers(), session.scratch, "image \"" + from.get() + "\"");
        }
        ContextSnapshot snap = other.snapshot();
        SourceTree tree = other.sourceTree();
        return new Source(tree, snap, ContentDigester.of(snap, StatCache.inMemory()), other);
    }

    private static List<SelectedEntry> select(SourceTree tree, List<String> sources, List<String> excludes,
                                              boolean parents, Origin o, String what) throws BuildException {
        try {
            return SourceSelector.select(tree, new CopySources(sources, excludes, parents));
        } catch (SourceException e) {
            throw new BuildException(o, what + " failed: " + e.getMessage(), e);
        }
    }

    private Prepared prepareCopy(String keyword, Origin o, List<String> sources, List<InlineFile> inline,
                                 List<SelectedEntry> selection, Source src, Optional<String> chown,
                                 Optional<String> chmod, String rawDest, String flags, List<Download> downloads,
                                 boolean link)
            throws BuildException, IOException {
        int count = sources.size() + inline.size();
        String dest = destination(rawDest);
        if (count > 1 && !dest.endsWith("/")) {
            throw new BuildException(o, keyword + " failed: when using " + keyword
                + " with more than one source file, the destination must be a directory and end with a /", null);
        }
        Owner.Ids owner = new Owner.Ids(0, 0);
        if (chown.isPresent()) {
            try {
                owner = Owner.resolve(chown.get(), root.accounts());
            } catch (IllegalArgumentException e) {
                throw new BuildException(o, keyword + " failed: --chown=" + chown.get() + ": " + e.getMessage(), e);
            }
        }
        FileMode mode = chmod.map(FileMode::parse).orElse(null);
        MetadataRule rule = new MetadataRule(owner.uid(), owner.gid(), SymbolicMode.rule(mode));
        Owner.Ids ids = owner;
        KeyInputsMaker inputs = () -> {
            SelectionDigest digest;
            try {
                digest = SelectionDigest.of(selection, rule, src.digester);
            } catch (IOException e) {
                throw new BuildException(o, keyword + " failed: " + message(e), e);
            }
            StringBuilder extra = new StringBuilder(digest.digest());
            for (InlineFile f : inline) {
                extra.append('\n').append(StepCache.key(f.name(), f.content()));
            }
            for (Download d : downloads) {
                extra.append('\n').append(d.name()).append(d.digest())
                    .append(d.lastModified().map(Instant::toString).orElse(""));
            }
            if (link) {
                // Without the parent in the key, what it gave must be there: the destination after WORKDIR and the
                // owner that --chown's names resolved to.
                extra.append("\ndest=").append(dest).append("\nowner=").append(ids.uid()).append(':')
                    .append(ids.gid());
            }
            return new KeyInputs(extra.toString(), digest.entries());
        };
        String createdBy = createdBy(keyword, flags, sources, inline, rawDest);
        // COPY reads each selected file whole into the layer, so files whose digest is not known yet can be hashed
        // then, when the step cannot hit the cache anyway: --no-cache, or this instruction never ran after the same
        // earlier steps (every recorded key has its slot). ADD may unpack an archive instead, so it hashes first.
        boolean onePass = keyword.equals("COPY")
            && (session.noCache || !session.cache.hasSelection(slot(parentKey(link), createdBy)))
            && selection.stream().anyMatch(s -> s.source().type() == EntryType.FILE && !src.digester.known(s.source()));
        boolean keepOwners = src.keepOwners != null && chown.isEmpty();
        boolean single = sources.size() + inline.size() == 1;
        // --link writes onto an empty tree: nothing of the stage is read (no symlink followed, no existing directory).
        ExistingTree root = link ? ExistingTree.EMPTY : this.root;
        return new Prepared(createdBy, onePass ? inputs : precomputed(inputs), null, () -> {
            Instant fixed = session.keepMtimes ? null : session.time;
            CopyWriter.Metadata meta = new CopyWriter.Metadata(ids.uid(), ids.gid(), rule.mode(), fixed);
            // With --chmod, the directories the copy creates (missing parents, a directory destination) take the mode.
            int created = mode == null ? 0755 : rule.mode().apply(EntryType.DIRECTORY, 0755);
            LayerChanges out = new LayerChanges(root, session.time, ids.uid(), ids.gid(), created);
            // A Git source is a repository: always a directory, never an archive to extract.
            boolean gitSource = keyword.equals("ADD") && single && GitSource.isGit(sources.get(0));
            boolean namedFile = single && inline.isEmpty() && downloads.isEmpty() && !gitSource
                && singleFile(src.tree, sources.get(0), selection);
            boolean namedInline = single && !inline.isEmpty();
            boolean namedDownload = single && !downloads.isEmpty();
            String fileTarget = CopyWriter.fileTarget(root, dest, namedFile || namedInline || namedDownload);
            String dir = fileTarget == null ? CopyWriter.directoryTarget(root, dest) : null;
            CopyWriter.Sources files = new CopyWriter.Sources() {
                @Override
                public Path file(ContextEntry entry) {
                    return src.files.file(entry.path());
                }

                @Override
                public dev.estiba.layer.ContentSource content(ContextEntry entry) {
                    return onePass ? () -> src.digester.reading(entry) : CopyWriter.Sources.super.content(entry);
                }

                @Override
                public Optional<Owner.Ids> owner(ContextEntry entry) throws IOException {
                    return keepOwners ? src.keepOwners.owner(entry) : Optional.empty();
                }
            };
            if (keyword.equals("ADD") && !gitSource) {
                List<SelectedEntry> plain = new ArrayList<>();
                for (SelectedEntry s : selection) {
                    Path f = s.source().type() == EntryType.FILE ? files.file(s.source()) : null;
                    if (f != null && !s.destination().contains("/") && ArchiveExtractor.isArchive(f)) {
                        ArchiveExtractor.extract(f, dir != null ? dir : fileTarget, out,
                            session.scratch.resolve("add"), chown.isPresent() ? Optional.of(ids) : Optional.empty(),
                            null);
                    } else {
                        plain.add(s);
                    }
                }
                CopyWriter.write(out, plain, files, meta, dir, fileTarget);
                for (Download d : downloads) {
                    String path = fileTarget != null ? fileTarget : CopyWriter.join(dir, d.name());
                    Instant t = d.lastModified().orElse(session.time);
                    out.file(path, mode == null ? 0600 : rule.mode().apply(EntryType.FILE, 0600), ids.uid(), ids.gid(),
                        t, Files.size(d.file()), dev.estiba.layer.ContentSource.of(d.file()));
                }
            } else {
                CopyWriter.write(out, selection, files, meta, dir, fileTarget);
            }
            for (InlineFile f : inline) {
                String path = fileTarget != null ? fileTarget : CopyWriter.join(dir, f.name());
                CopyWriter.writeInline(out, path, f.content().getBytes(StandardCharsets.UTF_8), 0644, meta);
            }
            return out.isEmpty() ? null : out.build();
        }, onePass, link);
    }

    /** Key inputs computed now, so that their errors come before anything is written. */
    private static KeyInputsMaker precomputed(KeyInputsMaker inputs) throws IOException, BuildException {
        KeyInputs k = inputs.make();
        return () -> k;
    }

    /** Whether one source without wildcards names a file (not a directory): its destination may be a file path. */
    private static boolean singleFile(SourceTree tree, String source, List<SelectedEntry> selection) {
        String path = GoPath.inRoot(source);
        if (GoGlob.hasWildcards(path) || selection.size() != 1) {
            return false;
        }
        SelectedEntry only = selection.get(0);
        if (only.source().type() == EntryType.DIRECTORY) {
            return false;
        }
        Optional<ContextEntry> named = tree.entry(path);
        return named.map(e -> e.type() != EntryType.DIRECTORY).orElse(true)
            && !only.destination().contains("/");
    }

    private static String usedArgs(Step step) {
        TreeMap<String, String> used = new TreeMap<>();
        for (String n : step.referenced()) {
            String v = step.buildEnv().get(n);
            if (v != null) {
                used.put(n, v);
            }
        }
        return used.toString();
    }

    /** The instruction as buildx shows it: the logical line, heredoc bodies left out. */
    static String display(Instruction i) {
        String line = i.origin().line().strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }

    static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getMessage() != null && a.getFile() == null ? a.getMessage() : a.getFile() + ": permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

}
