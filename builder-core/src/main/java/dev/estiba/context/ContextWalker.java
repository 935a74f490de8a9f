package dev.estiba.context;

import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.pattern.MatchInfo;
import dev.estiba.context.pattern.PathPattern;
import dev.estiba.context.pattern.PatternMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a context directory into a {@link ContextSnapshot}, applying the ignore file as BuildKit's file
 * transfer does (tonistiigi/fsutil): an excluded file is left out; an excluded directory is not entered unless
 * an exception ({@code !pattern}) could re-include something below it, in which case it is walked and appears
 * only if something below it is re-included. Symlinks are recorded, never followed. Sockets, fifos and devices
 * are skipped.
 */
public final class ContextWalker {
    private static final Comparator<String> UTF8_ORDER = (a, b) ->
        Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final PatternMatcher excludes;
    private final boolean onlyPrefixExceptions;
    private final List<String> exceptionPrefixes = new ArrayList<>();

    private ContextWalker(PatternMatcher excludes) {
        this.excludes = excludes;
        boolean prefixOnly = true;
        for (PathPattern p : excludes.patterns()) {
            if (!p.exclusion()) {
                continue;
            }
            String stem = withoutTrailingGlob(p.toString());
            exceptionPrefixes.add(stem + "/");
            if (stem.matches(".*[*\\[\\]?^\\\\].*")) {
                prefixOnly = false;
            }
        }
        this.onlyPrefixExceptions = prefixOnly;
    }

    /**
     * Walks {@code root} with the given ignore file.
     *
     * @throws IOException when the root is not a directory or an entry cannot be read
     */
    public static ContextSnapshot walk(Path root, IgnoreFile ignoreFile, BuildFiles buildFiles) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("build context " + root + " is not a directory");
        }
        ContextWalker walker = new ContextWalker(ignoreFile.matcher());
        List<ContextEntry> out = new ArrayList<>();
        try {
            walker.walkDir(root, "", MatchInfo.NONE, new ArrayList<>(), out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ContextSnapshot(root, ignoreFile, buildFiles, out);
    }

    /**
     * @param pending excluded ancestor directories not yet emitted; emitted when something below is kept
     */
    private void walkDir(Path dir, String rel, MatchInfo info, List<ContextEntry> pending, List<ContextEntry> out)
            throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(null, null,
                "cannot read directory \"" + (rel.isEmpty() ? "." : rel) + "\" in the build context: permission denied");
        }
        names.sort(UTF8_ORDER);
        for (String name : names) {
            Path file = dir.resolve(name);
            String path = rel.isEmpty() ? name : rel + "/" + name;
            FileStat stat = FileStat.of(file);
            if (stat.type() == null) {
                continue;
            }
            boolean isDir = stat.type() == EntryType.DIRECTORY;
            boolean excluded = false;
            MatchInfo childInfo = MatchInfo.NONE;
            if (!excludes.isEmpty()) {
                PatternMatcher.Result r = excludes.matchesUsingParentResults(path, info);
                excluded = r.matched();
                childInfo = r.info();
                if (excluded && (!isDir || (onlyPrefixExceptions && !mayReinclude(path)))) {
                    continue;
                }
            }
            String target = stat.type() == EntryType.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
            ContextEntry entry = new ContextEntry(path, stat, target);
            if (excluded) {
                int depth = pending.size();
                pending.add(entry);
                walkDir(file, path, childInfo, pending, out);
                if (pending.size() > depth) {
                    pending.remove(depth); // nothing below was kept
                }
                continue;
            }
            out.addAll(pending);
            pending.clear();
            out.add(entry);
            if (isDir) {
                walkDir(file, path, childInfo, pending, out);
            }
        }
    }

    /** Whether an exception pattern names something below {@code dir} (checked literally, as fsutil does). */
    private boolean mayReinclude(String dir) {
        if (!excludes.hasExclusions()) {
            return false;
        }
        String prefix = dir + "/";
        for (String p : exceptionPrefixes) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingGlob(String pattern) {
        if (pattern.endsWith("/**")) {
            return pattern.substring(0, pattern.length() - 3);
        }
        if (pattern.endsWith("/*")) {
            return pattern.substring(0, pattern.length() - 2);
        }
        return pattern;
    }
}
