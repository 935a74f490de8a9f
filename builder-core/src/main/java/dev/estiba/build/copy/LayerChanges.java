package dev.estiba.build.copy;

import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.ContentSource;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the entries one COPY or ADD writes, by absolute image path, and completes them into a change set:
 * every parent directory is in the layer, with its existing metadata when the image has it, otherwise as a new
 * directory owned like the copied files, mode {@code 0755} or, for a COPY with {@code --chmod}, that mode (BuildKit
 * creates missing parents so since fsutil's fix for moby/buildkit#4945).
 */
public final class LayerChanges {
    private final ExistingTree tree;
    private final Instant createdTime;
    private final long dirUid;
    private final long dirGid;
    private final int dirMode;
    private final Map<String, ChangeEntry> entries = new LinkedHashMap<>();

    /**
     * @param tree the image written into
     * @param createdTime the time of directories this step creates
     * @param dirUid owner of directories this step creates
     * @param dirGid group of directories this step creates
     */
    public LayerChanges(ExistingTree tree, Instant createdTime, long dirUid, long dirGid) {
        this(tree, createdTime, dirUid, dirGid, 0755);
    }

    /**
     * @param tree the image written into
     * @param createdTime the time of directories this step creates
     * @param dirUid owner of directories this step creates
     * @param dirGid group of directories this step creates
     * @param dirMode permission bits of directories this step creates
     */
    public LayerChanges(ExistingTree tree, Instant createdTime, long dirUid, long dirGid, int dirMode) {
        this.tree = tree;
        this.createdTime = createdTime;
        this.dirUid = dirUid;
        this.dirGid = dirGid;
        this.dirMode = dirMode;
    }

    /** Adds (or replaces) a regular file. */
    public void file(String path, int mode, long uid, long gid, Instant mtime, long size, ContentSource content) {
        put(ChangeEntry.file(rel(path), mode, uid, gid, mtime, size, content));
    }

    /** Adds a directory; one already added keeps its place but takes the new metadata. */
    public void directory(String path, int mode, long uid, long gid, Instant mtime) {
        put(ChangeEntry.directory(rel(path), mode, uid, gid, mtime));
    }

    /** Adds a symlink. */
    public void symlink(String path, String target, long uid, long gid, Instant mtime) {
        put(ChangeEntry.symlink(rel(path), target, uid, gid, mtime));
    }

    /** Adds a directory this step creates when the image does not have it (WORKDIR, a COPY destination). */
    public void ensureDirectory(String path) throws IOException {
        String r = rel(path);
        if (r.isEmpty() || entries.containsKey(r)) {
            return;
        }
        Optional<ExistingTree.Node> n = tree.node("/" + r);
        if (n.isEmpty()) {
            put(ChangeEntry.directory(r, dirMode, dirUid, dirGid, createdTime));
        }
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The change set, parents included. */
    public ChangeSet build() throws IOException {
        Map<String, ChangeEntry> all = new LinkedHashMap<>(entries);
        for (String p : entries.keySet()) {
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                String parent = p.substring(0, slash);
                if (all.containsKey(parent)) {
                    continue;
                }
                Optional<ExistingTree.Node> n = tree.node("/" + parent);
                ChangeEntry dir = n.filter(x -> x.kind() == ExistingTree.Kind.DIRECTORY)
                    .map(x -> ChangeEntry.directory(parent, x.mode(), x.uid(), x.gid(), x.mtime()))
                    .orElseGet(() -> ChangeEntry.directory(parent, dirMode, dirUid, dirGid, createdTime));
                all.put(parent, dir);
            }
        }
        return ChangeSet.of(java.util.List.copyOf(all.values()));
    }

    private void put(ChangeEntry e) {
        entries.put(e.path(), e);
    }

    private static String rel(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
