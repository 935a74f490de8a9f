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
import dev.estiba.layer.read.LayerSource;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage's file system as far as COPY and ADD need it: unpacked from its layers into a scratch directory the
 * first time something asks (a destination that may exist, {@code --chown} by name, {@code COPY --from}), never
 * for a stage without layers or a step that hits the cache.
 */
final class StageRoot implements ExistingTree {
    private final BlobStore store;
    private final List<Descriptor> layers;
    private final Path scratch;
    private final String where;
    private Path root;
    private ContextSnapshot snapshot;

    StageRoot(BlobStore store, List<Descriptor> layers, Path scratch, String where) {
        this.store = store;
        this.layers = List.copyOf(layers);
        this.scratch = scratch;
        this.where = where;
    }

    private synchronized Path root() throws IOException {
        if (root == null) {
            Files.createDirectories(scratch);
            Path dir = Files.createTempDirectory(scratch, "root-");
            List<LayerSource> sources = new ArrayList<>();
            for (Descriptor d : layers) {
                sources.add(new LayerSource(d.digest().toString(), () -> store.open(d.digest()), null));
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
            return Files.createTempDirectory(scratch, "empty-");
        }
        return root();
    }

    @Override
    public Optional<Node> node(String path) throws IOException {
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        Path p = root().resolve(rel(path));
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        Kind kind = switch (mode & 0170000) {
            case 0040000 -> Kind.DIRECTORY;
            case 0100000 -> Kind.FILE;
            case 0120000 -> Kind.SYMLINK;
            default -> Kind.OTHER;
        };
        return Optional.of(new Node(kind, mode & 07777, ((Number) a.get("uid")).longValue(),
            ((Number) a.get("gid")).longValue(), ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toInstant()));
    }

    @Override
    public String resolve(String path) throws IOException {
        if (layers.isEmpty()) {
            return path;
        }
        Path r = root();
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        boolean trailing = path.endsWith("/");
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(c);
            Path p = r.resolve(String.join("/", done));
            if (Files.isSymbolicLink(p) && links++ < 40) {
                done.remove(done.size() - 1);
                String target = Files.readSymbolicLink(p).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    todo.addFirst(parts[i]);
                }
            }
        }
        return "/" + String.join("/", done) + (trailing && !done.isEmpty() ? "/" : "");
    }

    /** The text of an account file, for {@code --chown} by name. */
    Owner.AccountFiles accounts() {
        return path -> {
            if (layers.isEmpty()) {
                return Optional.empty();
            }
            Path f = root().resolve(rel(resolve(path)));
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
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

    private static String rel(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.isEmpty() ? "." : p;
    }

}
