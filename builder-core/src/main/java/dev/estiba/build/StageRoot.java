package dev.estiba.build;

import dev.estiba.build.copy.ExistingTree;
import dev.estiba.build.copy.Owner;
import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.ContextWalker;
import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.select.SourceTree;
import dev.estiba.image.Descriptor;
import dev.estiba.layer.apply.LayerApplier;
import dev.estiba.layer.index.ImageFileIndex;
import dev.estiba.layer.index.IndexedFile;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.image.BlobSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage's file system as far as COPY, ADD and RUN need it. Destinations and account files are looked up in the
 * tree index built from the layers' tar headers ({@link ImageFileIndex}, no unpacking); only {@code COPY --from}
 * and RUN unpack the layers into a scratch directory. Nothing is read for a stage without layers or a step that
 * hits the cache. A stage's next root takes over the directory its previous root unpacked and applies only the
 * layers added since, so a chain of RUN steps unpacks each layer once.
 */
final class StageRoot implements ExistingTree {
    private final BlobSource blobs;
    private final List<Descriptor> layers;
    private final Path scratch;
    private final String where;
    private Path root;
    private ContextSnapshot snapshot;
    private ImageFileIndex index;
    /** The root this one follows in its stage, whose unpacked directory it may take over; null once used. */
    private StageRoot previous;

    /** A root over these layers, read from {@code blobs} (the store, or imported cache blobs fetched on demand). */
    StageRoot(BlobSource blobs, List<Descriptor> layers, Path scratch, String where) {
        this(blobs, layers, scratch, where, null);
    }

    private StageRoot(BlobSource blobs, List<Descriptor> layers, Path scratch, String where, StageRoot previous) {
        this.blobs = blobs;
        this.layers = List.copyOf(layers);
        this.scratch = scratch;
        this.where = where;
        this.previous = previous;
    }

    /**
     * The root after a step that kept or added to these layers (the stage's next step): it takes over this root's
     * unpacked directory, when there is one, and applies only what was added. This root must not be used after.
     */
    StageRoot next(List<Descriptor> nextLayers) {
        boolean prefix = nextLayers.size() >= layers.size() && nextLayers.subList(0, layers.size()).equals(layers);
        return new StageRoot(blobs, nextLayers, scratch, where, prefix ? this : null);
    }

    /** Gives up the unpacked directory to the next root; null when there is none or it was walked for COPY. */
    private synchronized Path handOver() {
        if (root == null || snapshot != null) {
            return null;
        }
        Path dir = root;
        root = null;
        return dir;
    }

    private synchronized Path root() throws IOException {
        if (root == null) {
            Path dir = previous == null ? null : previous.handOver();
            List<Descriptor> todo = layers;
            if (dir != null) {
                todo = layers.subList(previous.layers.size(), layers.size());
            } else {
                Files.createDirectories(scratch);
                dir = rootDirectory(Files.createTempDirectory(scratch, "root-"));
            }
            previous = null;
            List<LayerSource> sources = new ArrayList<>();
            for (Descriptor d : todo) {
                sources.add(new LayerSource(d.digest().toString(), () -> blobs.open(d.digest()), null));
            }
            new LayerApplier().applyAll(dir, sources);
            root = dir;
        }
        return root;
    }

    /** The stage's files as one directory (empty for a stage without layers), read-only by contract: RUN's lower. */
    Path directory() throws IOException {
        if (layers.isEmpty()) {
            Files.createDirectories(scratch);
            return rootDirectory(Files.createTempDirectory(scratch, "empty-"));
        }
        return root();
    }

    /** A new temporary directory is 0700; as {@code /} every user must enter it, as in an image. */
    private static Path rootDirectory(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:mode", 0755);
        return dir;
    }

    private synchronized ImageFileIndex index() throws IOException {
        if (index == null) {
            List<LayerSource> sources = new ArrayList<>();
            for (Descriptor d : layers) {
                sources.add(new LayerSource(d.digest().toString(), () -> blobs.open(d.digest()), null));
            }
            index = ImageFileIndex.build(sources);
        }
        return index;
    }

    @Override
    public Optional<Node> node(String path) throws IOException {
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        Optional<IndexedFile> f = index().get(path);
        if (f.isEmpty() || f.get().implicit()) {
            return f.map(x -> new Node(Kind.DIRECTORY, 0755, 0, 0, java.time.Instant.EPOCH));
        }
        IndexedFile x = f.get();
        Kind kind = switch (x.type()) {
            case DIRECTORY -> Kind.DIRECTORY;
            case FILE, HARDLINK -> Kind.FILE;
            case SYMLINK -> Kind.SYMLINK;
            default -> Kind.OTHER;
        };
        return Optional.of(new Node(kind, x.mode(), x.uid(), x.gid(), x.mtime()));
    }

    @Override
    public String resolve(String path) throws IOException {
        if (layers.isEmpty()) {
            return path;
        }
        boolean trailing = path.endsWith("/");
        Optional<String> r = index().resolve(path, true);
        if (r.isEmpty()) {
            return path;
        }
        return "/" + r.get() + (trailing && !r.get().isEmpty() ? "/" : "");
    }

    /** The text of an account file, for {@code --chown} by name. */
    Owner.AccountFiles accounts() {
        return path -> {
            if (layers.isEmpty() || index().lookup(path).filter(f -> f.type() != dev.estiba.layer.EntryType.DIRECTORY)
                    .isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new String(index().readFile(path, 16L << 20), StandardCharsets.UTF_8));
        };
    }

    /** The stage's files as a source tree for {@code COPY --from}. */
    synchronized ContextSnapshot snapshot() throws IOException {
        if (snapshot == null) {
            Path dir;
            if (layers.isEmpty()) {
                Files.createDirectories(scratch);
                dir = Files.createTempDirectory(scratch, "empty-");
            } else {
                dir = root();
            }
            snapshot = ContextWalker.walk(dir, IgnoreFile.NONE, BuildFiles.NONE);
        }
        return snapshot;
    }

    /** The snapshot with errors naming the stage. */
    SourceTree sourceTree() throws IOException {
        ContextSnapshot s = snapshot();
        return new SourceTree() {
            @Override
            public Optional<ContextEntry> entry(String path) {
                return s.entry(path);
            }

            @Override
            public List<ContextEntry> children(String dir) {
                return s.children(dir);
            }

            @Override
            public String where() {
                return where;
            }
        };
    }

    /** The owner of an unpacked entry. */
    Optional<Owner.Ids> owner(ContextEntry e) throws IOException {
        Path p = snapshot().file(e.path());
        Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        return Optional.of(new Owner.Ids(((Number) a.get("uid")).longValue(), ((Number) a.get("gid")).longValue()));
    }

}
