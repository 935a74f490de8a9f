package dev.estiba.build;

import dev.estiba.files.FileTrees;
import dev.estiba.context.BuildContext;
import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.EntryType;
import dev.estiba.context.digest.ContentDigester;
import dev.estiba.context.digest.MetadataRule;
import dev.estiba.context.digest.SelectionDigest;
import dev.estiba.context.digest.StatCache;
import dev.estiba.context.ignore.IgnoreFileException;
import dev.estiba.context.pattern.GoPath;
import dev.estiba.context.select.CopySources;
import dev.estiba.context.select.SelectedEntry;
import dev.estiba.context.select.SourceException;
import dev.estiba.context.select.SourceSelector;
import dev.estiba.context.select.SourceTree;
import dev.estiba.instructions.Mount;
import dev.estiba.instructions.Origin;
import dev.estiba.plan.Stage;
import dev.estiba.run.MountSpec;
import dev.estiba.run.SocketForward;
import dev.estiba.run.diff.WorkingCopy;
import dev.estiba.run.state.ActiveRuns;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * A RUN step's {@code --mount}s as {@code dev.estiba.run} mounts, in two phases. {@link #resolve} runs before the
 * cache lookup and yields what the mounts add to the step's key: their text and, for a bind from the context or a
 * named context, the content digest of what it selects (after {@code .dockerignore}); from a stage or an image, that
 * image's key. Secrets add their id only. {@link #open} runs only when the step runs: it materialises bind sources,
 * takes cache directories, writes secret files to a tmpfs and starts SSH agent forwards; closing the result removes
 * all of it.
 */
final class StepMounts {
    /** BuildKit's socket path for the n-th SSH mount without a target. */
    static final String SSH_SOCKET = "/run/buildkit/ssh_agent.";

    private final List<Item> items;
    private final String key;
    private final List<String> env;

    private StepMounts(List<Item> items, String key, List<String> env) {
        this.items = items;
        this.key = key;
        this.env = env;
    }

    /** One mount: its key text and how to open it. */
    private record Item(boolean cache, String order, Opener opener) {
    }

    @FunctionalInterface
    private interface Opener {
        void open(Opened into) throws IOException, BuildException;
    }

    /**
     * The mounts open for one run: their specs, the environment they add, and what to undo afterwards. Until it is
     * closed, a shutdown hook (SIGINT, SIGTERM) undoes it too, so no secret stays on {@code /dev/shm}.
     */
    static final class Opened implements Closeable {
        final List<MountSpec> mounts = new ArrayList<>();
        final List<String> env = new ArrayList<>();
        private final Deque<Closeable> undo = new ArrayDeque<>();
        private final Runnable onShutdown = () -> {
            try {
                close();
            } catch (IOException e) {
                // The JVM is going down; nothing else to try.
            }
        };

        Opened() {
            ActiveRuns.register(onShutdown);
        }

        void onClose(Closeable c) {
            undo.push(c);
        }

        @Override
        public synchronized void close() throws IOException {
            ActiveRuns.unregister(onShutdown);
            IOException first = null;
            while (!undo.isEmpty()) {
                try {
                    undo.pop().close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** What the mounts add to the step's cache key. */
    String key() {
        return key;
    }

    /** Environment the mounts add whether or not they are given ({@code SSH_AUTH_SOCK}); part of the key. */
    List<String> env() {
        return env;
    }

    /**
     * Resolves a step's mounts.
     *
     * @param stageIndex the index of the stage the step is in (a stage named in {@code from} must come before it)
     * @param buildEnv   the environment the step sees, for {@code SSH_AUTH_SOCK}
     * @param cwd        the working directory relative targets are joined with
     */
    static StepMounts resolve(Session session, int stageIndex, List<Mount> mounts, Map<String, String> buildEnv,
                              String cwd, Origin origin) throws BuildException, IOException {
        List<Item> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> env = new ArrayList<>();
        int ssh = 0;
        for (Mount m : mounts) {
            String target = m.target().map(t -> absolute(t, cwd)).orElse(null);
            if (target != null && target.equals("/")) {
                throw new BuildException(origin, "RUN --mount=" + m.text() + ": invalid mount target \"/\"", null);
            }
            if (target == null && m.type() != Mount.Type.SECRET && m.type() != Mount.Type.SSH) {
                throw new BuildException(origin, "RUN --mount=" + m.text() + ": a target is required", null);
            }
            keys.add(m.text());
            switch (m.type()) {
                case TMPFS -> items.add(new Item(false, "", into ->
                    into.mounts.add(spec(origin, m, () -> new MountSpec.Tmpfs(target, m.size().orElse(0L))))));
                case CACHE -> {
                    if (m.source().isPresent() && m.from().isEmpty()) {
                        throw new BuildException(origin, "RUN --mount=" + m.text()
                            + ": a cache mount's source is a path in its from, which is missing", null);
                    }
                    // With from, the cache starts as a copy of it; each source content gets a cache of its own.
                    BindSource seed = m.from().isPresent() ? bindSource(session, stageIndex, m, origin) : null;
                    String name = m.id().orElseThrow() + (seed == null ? "" : "\n" + seed.key());
                    if (seed != null) {
                        keys.add(seed.key());
                    }
                    items.add(new Item(true, CacheMounts.directory(session.runMountCaches(), name).toString(), into -> {
                            CacheMounts.Held held = CacheMounts.take(session.runMountCaches(), name, m,
                                seed == null ? null : parent -> seed.copy(session, m, parent, origin));
                            into.onClose(held);
                            into.mounts.add(spec(origin, m, () -> m.readOnly()
                                ? new MountSpec.Bind(held.directory(), target, true)
                                : new MountSpec.Cache(held.directory(), target)));
                        }));
                }
                case BIND -> {
                    BindSource source = bindSource(session, stageIndex, m, origin);
                    keys.add(source.key());
                    items.add(new Item(false, "", into -> source.open(session, m, target, into, origin)));
                }
                case SECRET -> items.add(new Item(false, "", into -> secret(session, m, target, into, origin)));
                case SSH -> {
                    String socket = target != null ? target : SSH_SOCKET + ssh;
                    if (ssh == 0 && !buildEnv.containsKey("SSH_AUTH_SOCK")) {
                        env.add("SSH_AUTH_SOCK=" + socket);
                    }
                    ssh++;
                    items.add(new Item(false, "", into -> ssh(session, m, socket, into, origin)));
                }
                default -> throw new IllegalStateException("unknown mount type " + m.type());
            }
        }
        return new StepMounts(items, StepCache.key(keys.toArray(new String[0])), List.copyOf(env));
    }

    /**
     * Opens every mount; cache directories first, in a fixed order, so steps holding several locked caches never
     * wait on each other in a circle. Whatever was opened is undone when this throws.
     */
    Opened open() throws IOException, BuildException {
        Opened opened = new Opened();
        List<Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing((Item i) -> !i.cache()).thenComparing(Item::order));
        try {
            for (Item i : ordered) {
                i.opener().open(opened);
            }
            return opened;
        } catch (IOException | BuildException | RuntimeException e) {
            try {
                opened.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static String absolute(String target, String cwd) {
        String joined = target.startsWith("/") ? target : cwd + "/" + target;
        return GoPath.clean(joined);
    }

    @FunctionalInterface
    private interface SpecMaker {
        MountSpec make();
    }

    /** A mount spec, its argument errors (a bad target) as build errors at the step's line. */
    private static MountSpec spec(Origin origin, Mount m, SpecMaker maker) throws BuildException {
        try {
            return maker.make();
        } catch (IllegalArgumentException e) {
            throw new BuildException(origin, "RUN --mount=" + m.text() + ": " + e.getMessage(), e);
        }
    }

    // ---- secrets and ssh

    private static void secret(Session session, Mount m, String target, Opened into, Origin origin)
            throws IOException, BuildException {
        String id = m.id().orElseThrow();
        BuildSecret secret = session.secrets.get(id);
        if (secret == null) {
            if (m.required()) {
                throw new BuildException(origin, "RUN --mount=" + m.text() + ": secret " + id
                    + " not found: pass it with --secret id=" + id + ",src=FILE or --secret id=" + id + ",env=VAR", null);
            }
            return;
        }
        byte[] value = secret.value();
        if (target != null) {
            Path dir = privateTemp(Path.of("/dev/shm"), MountLeftovers.prefix(MountLeftovers.SECRET));
            into.onClose(() -> FileTrees.deleteTree(dir));
            Path file = dir.resolve("secret");
            Files.write(file, value);
            Files.setAttribute(file, "unix:uid", m.uid().orElse(0L).intValue());
            Files.setAttribute(file, "unix:gid", m.gid().orElse(0L).intValue());
            Files.setAttribute(file, "unix:mode", m.mode().orElse(0400) & 07777);
            into.mounts.add(spec(origin, m, () -> new MountSpec.Bind(file, target, true)));
        }
        if (m.env().isPresent()) {
            into.env.add(m.env().get() + "=" + new String(value, StandardCharsets.UTF_8));
        }
    }

    private static void ssh(Session session, Mount m, String target, Opened into, Origin origin)
            throws IOException, BuildException {
        String id = m.id().orElseThrow();
        SshAgent agent = session.sshAgents.get(id);
        if (agent == null || !agent.present()) {
            if (m.required()) {
                throw new BuildException(origin, "RUN --mount=" + m.text() + ": no SSH agent \"" + id
                    + "\" given: pass one with --ssh " + id + "=SOCKET" + (id.equals("default")
                    ? " (or --ssh default for $SSH_AUTH_SOCK)" : ""), null);
            }
            return;
        }
        // A short path: a socket's name is limited to 107 bytes.
        Path dir = privateTemp(Path.of(System.getProperty("java.io.tmpdir")), MountLeftovers.prefix(MountLeftovers.SSH));
        into.onClose(() -> FileTrees.deleteTree(dir));
        SocketForward forward = SocketForward.start(agent.socket(), dir.resolve("agent"),
            m.uid().orElse(0L).intValue(), m.gid().orElse(0L).intValue(), m.mode().orElse(0600));
        into.onClose(forward);
        into.mounts.add(spec(origin, m, () -> new MountSpec.Bind(forward.socket(), target, false)));
    }

    /** A new directory only root can enter: {@code base} when it is a writable directory (a tmpfs), else tmpdir. */
    private static Path privateTemp(Path base, String prefix) throws IOException {
        Path parent = Files.isDirectory(base) && Files.isWritable(base) ? base
            : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createTempDirectory(parent, prefix); // 0700
    }

    // ---- bind sources

    /** Where a bind mount's (or a cache mount's first) files come from. */
    private sealed interface BindSource {
        String key();

        void open(Session session, Mount m, String target, Opened into, Origin origin)
            throws IOException, BuildException;

        /** A new directory under {@code parent} holding a copy of the source, which must be a directory. */
        Path copy(Session session, Mount m, Path parent, Origin origin) throws IOException, BuildException;
    }

    private static BuildException notADirectory(Mount m, Origin origin) {
        return new BuildException(origin, "RUN --mount=" + m.text() + ": a cache mount's source must be a directory",
            null);
    }

    /** Files selected from the context or a named context directory, copied out (owned by root, modes kept). */
    private record Selected(String key, ContextSnapshot tree, String resolved, List<SelectedEntry> selection)
            implements BindSource {
        @Override
        public void open(Session session, Mount m, String target, Opened into, Origin origin)
                throws IOException, BuildException {
            Path copy = Files.createTempDirectory(Files.createDirectories(session.scratch), "bind-");
            into.onClose(() -> FileTrees.deleteTree(copy));
            write(copy);
            Optional<ContextEntry> named = resolved.isEmpty() ? Optional.empty() : tree.entry(resolved);
            Path source = copy;
            if (named.isPresent() && named.get().type() != EntryType.DIRECTORY) {
                source = copy.resolve(selection.get(0).destination());
            } else {
                Files.setAttribute(copy, "unix:mode", named.map(ContextEntry::mode).orElse(0755));
            }
            Path bound = source;
            into.mounts.add(spec(origin, m, () -> new MountSpec.Bind(bound, target, m.readOnly())));
        }

        @Override
        public Path copy(Session session, Mount m, Path parent, Origin origin) throws IOException, BuildException {
            Optional<ContextEntry> named = resolved.isEmpty() ? Optional.empty() : tree.entry(resolved);
            if (named.isPresent() && named.get().type() != EntryType.DIRECTORY) {
                throw notADirectory(m, origin);
            }
            Path copy = Files.createTempDirectory(parent, ".new-");
            write(copy);
            Files.setAttribute(copy, "unix:mode", named.map(ContextEntry::mode).orElse(0755));
            return copy;
        }

        /** The selected entries under {@code copy}, owned by root, modes kept. */
        private void write(Path copy) throws IOException {
            for (SelectedEntry s : selection) {
                Path to = copy.resolve(s.destination());
                Files.createDirectories(to.getParent());
                ContextEntry e = s.source();
                if (e.type() == EntryType.DIRECTORY) {
                    Files.createDirectories(to);
                } else if (e.type() == EntryType.FILE) {
                    Files.copy(tree.file(e.path()), to, StandardCopyOption.REPLACE_EXISTING);
                } else if (e.type() == EntryType.SYMLINK) {
                    Files.createSymbolicLink(to, Path.of(e.linkTarget()));
                    continue;
                } else {
                    continue;
                }
                Files.setAttribute(to, "unix:mode", e.mode());
            }
        }
    }

    /** A path in a stage's or an image's files: bound as it is when read-only, else a copy keeping owners. */
    private record InImage(String key, String where, StageRootSupplier root, String source) implements BindSource {
        @Override
        public void open(Session session, Mount m, String target, Opened into, Origin origin)
                throws IOException, BuildException {
            StageRoot stageRoot = root.get();
            SourceTree tree = stageRoot.sourceTree();
            String resolved = SourceSelector.resolve(tree, source).orElseThrow(() -> new BuildException(origin,
                "RUN --mount=" + m.text() + ": source \"" + source + "\" not found in " + where, null));
            Path host = stageRoot.snapshot().file(resolved);
            Path bound = host;
            if (!m.readOnly()) {
                Path copy = Files.createTempDirectory(Files.createDirectories(session.scratch), "bind-");
                into.onClose(() -> FileTrees.deleteTree(copy));
                bound = copy.resolve("tree");
                if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                    WorkingCopy.create(List.of(host), bound);
                } else {
                    Files.copy(host, bound, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                    Files.setAttribute(bound, "unix:uid", Files.getAttribute(host, "unix:uid"));
                    Files.setAttribute(bound, "unix:gid", Files.getAttribute(host, "unix:gid"));
                    Files.setAttribute(bound, "unix:mode", Files.getAttribute(host, "unix:mode"));
                }
            }
            Path b = bound;
            into.mounts.add(spec(origin, m, () -> new MountSpec.Bind(b, target, m.readOnly())));
        }

        @Override
        public Path copy(Session session, Mount m, Path parent, Origin origin) throws IOException, BuildException {
            StageRoot stageRoot = root.get();
            String resolved = SourceSelector.resolve(stageRoot.sourceTree(), source).orElseThrow(() ->
                new BuildException(origin, "RUN --mount=" + m.text() + ": source \"" + source + "\" not found in "
                    + where, null));
            Path host = stageRoot.snapshot().file(resolved);
            if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                throw notADirectory(m, origin);
            }
            Path copy = parent.resolve(".new-" + java.util.UUID.randomUUID());
            WorkingCopy.create(List.of(host), copy);
            return copy;
        }
    }

    @FunctionalInterface
    private interface StageRootSupplier {
        StageRoot get() throws IOException, BuildException;
    }

    private static BindSource bindSource(Session session, int stageIndex, Mount m, Origin origin)
            throws BuildException, IOException {
        String source = m.source().orElse("/");
        if (m.from().isEmpty()) {
            return selected("context", session.context, session.digester, source, m, origin);
        }
        String from = m.from().get();
        Optional<Integer> stage = stageIndex(session, from, stageIndex);
        if (stage.isPresent()) {
            Session.StageResult built;
            try {
                built = session.stages.get(stage.get()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildException(origin, "interrupted", e);
            } catch (ExecutionException e) {
                throw new BuildException(origin, "RUN failed: stage " + from + " failed", e.getCause());
            }
            return new InImage(StepCache.key("stage", built.image().key(), source), "stage " + from,
                built::root, source);
        }
        String named = session.bases.namedContext(from);
        if (named != null && !named.contains("://")) {
            try {
                ContextSnapshot snap = BuildContext.snapshot(Path.of(named), null);
                return selected(from, snap, ContentDigester.of(snap, StatCache.inMemory()), source, m, origin);
            } catch (IgnoreFileException e) {
                throw new BuildException(origin, "RUN failed: " + e.getMessage(), e);
            }
        }
        StageImage img;
        try {
            img = session.bases.resolve(from);
        } catch (IllegalArgumentException e) {
            throw new BuildException(origin, "RUN --mount=" + m.text() + ": from=" + from + ": " + e.getMessage(), e);
        }
        return new InImage(StepCache.key("image", img.key(), source), "image " + from,
            () -> new StageRoot(session.remote, img.layers(), session.scratch, "image \"" + from + "\""), source);
    }

    private static Selected selected(String key, ContextSnapshot tree, ContentDigester digester, String source,
                                     Mount m, Origin origin) throws BuildException, IOException {
        List<SelectedEntry> selection;
        try {
            selection = SourceSelector.select(tree, new CopySources(List.of(source), List.of(), false));
        } catch (SourceException e) {
            throw new BuildException(origin, "RUN --mount=" + m.text() + ": " + e.getMessage(), e);
        }
        String resolved = SourceSelector.resolve(tree, source).orElseThrow(() -> new BuildException(origin,
            "RUN --mount=" + m.text() + ": source \"" + source + "\" not found in " + tree.where(), null));
        String digest = SelectionDigest.of(selection, MetadataRule.DEFAULT, digester).digest();
        return new Selected(StepCache.key(key, source, digest), tree, resolved, selection);
    }

    /** The stage a {@code from} names: an index, or the name of a stage before the current one. */
    private static Optional<Integer> stageIndex(Session session, String from, int current) {
        if (from.matches("[0-9]+")) {
            return Optional.of(Integer.parseInt(from));
        }
        for (Stage s : session.planStages) {
            if (s.index() < current && s.name().map(n -> n.equalsIgnoreCase(from)).orElse(false)) {
                return Optional.of(s.index());
            }
        }
        return Optional.empty();
    }
}
