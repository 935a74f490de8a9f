package dev.estiba.context;

import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.select.SourceTree;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build context as a build sees it: every entry left after {@code .dockerignore}, in walk order (depth
 * first, names sorted by their UTF-8 bytes, a directory before its contents), indexed by path. Contents are not
 * read here; {@code dev.estiba.context.digest} hashes what a step selects.
 */
public final class ContextSnapshot implements SourceTree {
    private final Path root;
    private final IgnoreFile ignoreFile;
    private final BuildFiles buildFiles;
    private final List<ContextEntry> entries;
    private final Map<String, ContextEntry> byPath;
    private final Map<String, List<ContextEntry>> children;

    ContextSnapshot(Path root, IgnoreFile ignoreFile, BuildFiles buildFiles, List<ContextEntry> entries) {
        this.root = root;
        this.ignoreFile = ignoreFile;
        this.buildFiles = buildFiles;
        this.entries = List.copyOf(entries);
        this.byPath = new HashMap<>(entries.size() * 2);
        this.children = new HashMap<>();
        for (ContextEntry e : entries) {
            byPath.put(e.path(), e);
            int slash = e.path().lastIndexOf('/');
            String parent = slash < 0 ? "" : e.path().substring(0, slash);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
        }
    }

    /** The directory the context lives in. */
    public Path root() {
        return root;
    }

    /** The ignore file that filtered this snapshot ({@link IgnoreFile#NONE} when there was none). */
    public IgnoreFile ignoreFile() {
        return ignoreFile;
    }

    /** The Dockerfile and ignore files, copied only when named exactly. */
    public BuildFiles buildFiles() {
        return buildFiles;
    }

    /** Every entry, in walk order. */
    public List<ContextEntry> entries() {
        return entries;
    }

    /** The entry at a context-relative path. */
    @Override
    public Optional<ContextEntry> entry(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The direct children of a directory ({@code ""} is the root), in walk order. */
    @Override
    public List<ContextEntry> children(String dir) {
        return children.getOrDefault(dir, Collections.emptyList());
    }

    @Override
    public String where() {
        return "the build context";
    }

    /** Whether a path is a build file (Dockerfile, ignore file), copied only when named exactly. */
    @Override
    public boolean hiddenUnlessNamed(String path) {
        return buildFiles.hiddenUnlessNamed(path);
    }

    /** The file behind an entry, for reading its contents. */
    public Path file(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    /**
     * Why a path that is not in the snapshot is missing: the ignore file's line that excluded it, or null when
     * it does not exist in the context directory at all.
     */
    @Override
    public String excludedReason(String path) {
        if (path.isEmpty() || byPath.containsKey(path) || !Files.exists(file(path), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return ignoreFile.reasonExcluded(path);
    }
}
