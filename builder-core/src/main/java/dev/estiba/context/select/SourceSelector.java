package dev.estiba.context.select;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.EntryType;
import dev.estiba.context.pattern.BadPatternException;
import dev.estiba.context.pattern.GoGlob;
import dev.estiba.context.pattern.GoPath;
import dev.estiba.context.pattern.MatchInfo;
import dev.estiba.context.pattern.PatternMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Selects what a COPY or ADD takes from a {@link SourceTree} (the context, or a stage for {@code --from}), with
 * BuildKit's rules:
 * <ul>
 *   <li>a source is relative to the tree's root: a leading {@code /} and any {@code ..} that climbs out are
 *       removed, a trailing {@code /} is ignored;</li>
 *   <li>a directory source means its contents; a symlink named as a source or matched by a wildcard is
 *       followed (inside the tree); symlinks inside copied directories stay links;</li>
 *   <li>wildcards follow Go's {@code filepath.Match}: the path components before the first wildcard name a
 *       directory, the rest is matched against paths below it ({@code *} never crosses {@code /}, so
 *       {@code **} is {@code *} here); a matching directory is taken whole; a wildcard matching nothing
 *       selects nothing (BuildKit allows empty wildcards);</li>
 *   <li>{@code --parents} keeps each selected path relative to the {@code /./} pivot in the source, or to the
 *       root without one; its pattern uses the {@code .dockerignore} language, so {@code **} spans
 *       directories;</li>
 *   <li>{@code --exclude} patterns (the {@code .dockerignore} language, exceptions included) apply to the
 *       destination-relative path of every selected entry;</li>
 *   <li>the Dockerfile and ignore files are taken only by a source naming them exactly.</li>
 * </ul>
 * The result is in order: sources as given, each in walk order. It is a pure function of the tree.
 */
public final class SourceSelector {
    private final SourceTree ctx;
    private final PatternMatcher excludes;
    private final List<SelectedEntry> out = new ArrayList<>();

    private SourceSelector(SourceTree ctx, PatternMatcher excludes) {
        this.ctx = ctx;
        this.excludes = excludes;
    }

    /**
     * The entries the sources select, with their destination-relative paths.
     *
     * @throws SourceNotFoundException when a source without wildcards is not in the context
     * @throws SourcePatternException  when a source or exclude pattern is malformed
     */
    public static List<SelectedEntry> select(SourceTree ctx, CopySources request) throws SourceException {
        PatternMatcher excludes;
        try {
            excludes = PatternMatcher.of(request.excludes());
        } catch (BadPatternException e) {
            throw new SourcePatternException("--exclude \"" + e.pattern() + "\"", e);
        }
        SourceSelector s = new SourceSelector(ctx, excludes);
        for (String source : request.sources()) {
            if (request.parents()) {
                s.selectWithParents(source);
            } else {
                s.selectPlain(source);
            }
        }
        return List.copyOf(s.out);
    }

    /**
     * The path that {@code path} leads to, following symlinks inside the tree only ({@code ""} for the root), or
     * empty when it leads nowhere.
     */
    public static java.util.Optional<String> resolve(SourceTree ctx, String path) {
        return java.util.Optional.ofNullable(ScopedResolver.resolve(ctx, GoPath.inRoot(path)));
    }

    private void selectPlain(String source) throws SourceException {
        String path = GoPath.inRoot(source);
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        int wild = firstWildcard(parts);
        if (wild < 0) {
            String resolved = ScopedResolver.resolve(ctx, path);
            if (resolved == null) {
                throw new SourceNotFoundException(source, ctx.where(), ctx.excludedReason(path));
            }
            take(resolved, parts.length == 0 ? "" : parts[parts.length - 1], true);
            return;
        }
        String base = String.join("/", Arrays.copyOfRange(parts, 0, wild));
        String pattern = String.join("/", Arrays.copyOfRange(parts, wild, parts.length));
        try {
            GoGlob.validate(pattern);
        } catch (BadPatternException e) {
            throw new SourcePatternException("source \"" + source + "\"", e);
        }
        String baseDir = ScopedResolver.resolve(ctx, base);
        if (baseDir == null || !isDirectory(baseDir)) {
            throw new SourceNotFoundException(source, ctx.where(), ctx.excludedReason(base));
        }
        for (ContextEntry match : wildcardMatches(baseDir, pattern, parts.length - wild)) {
            String resolved = ScopedResolver.resolve(ctx, match.path());
            if (resolved != null) {
                take(resolved, match.name(), false);
            }
        }
    }

    /**
     * The entries below {@code baseDir} whose path relative to it matches {@code pattern} (already validated),
     * in walk order; a matching directory is not searched further, and nothing deeper than the pattern is.
     */
    private List<ContextEntry> wildcardMatches(String baseDir, String pattern, int depth) {
        List<ContextEntry> matches = new ArrayList<>();
        collectMatches(baseDir, "", pattern, depth, matches);
        return matches;
    }

    private void collectMatches(String dir, String rel, String pattern, int depth, List<ContextEntry> matches) {
        for (ContextEntry e : ctx.children(dir)) {
            if (ctx.hiddenUnlessNamed(e.path())) {
                continue;
            }
            String r = rel.isEmpty() ? e.name() : rel + "/" + e.name();
            boolean match;
            try {
                match = GoGlob.match(pattern, r);
            } catch (BadPatternException impossible) {
                throw new IllegalStateException("pattern validated before matching", impossible);
            }
            if (match) {
                matches.add(e);
            } else if (e.type() == EntryType.DIRECTORY && r.split("/").length < depth) {
                collectMatches(e.path(), r, pattern, depth, matches);
            }
        }
    }

    /** Takes a resolved source: a directory's contents, or the entry itself under {@code name}. */
    private void take(String resolved, String name, boolean named) {
        if (isDirectory(resolved)) {
            walk(resolved, "", MatchInfo.NONE, null, MatchInfo.NONE, new ArrayList<>());
            return;
        }
        ContextEntry e = ctx.entry(resolved).orElseThrow();
        if (!named && ctx.hiddenUnlessNamed(e.path())) {
            return;
        }
        if (!excludes.isEmpty() && excludes.matchesOrParentMatches(name)) {
            return;
        }
        out.add(new SelectedEntry(e, name));
    }

    private void selectWithParents(String source) throws SourceException {
        int pivot = source.indexOf("/./");
        String parentPart = pivot < 0 ? "/" : source.substring(0, pivot);
        String patternPart = pivot < 0 ? source : source.substring(pivot + 3);
        String parent = GoPath.inRoot(parentPart);
        String pattern = GoPath.inRoot(patternPart);
        PatternMatcher include;
        try {
            GoGlob.validate(parent);
            include = PatternMatcher.of(pattern.isEmpty() ? List.of("**") : List.of(pattern));
        } catch (BadPatternException e) {
            throw new SourcePatternException("source \"" + source + "\"", e);
        }
        String[] parentParts = parent.isEmpty() ? new String[0] : parent.split("/");
        boolean literal = firstWildcard(parentParts) < 0 && firstWildcard(pattern.split("/")) < 0;
        if (literal) {
            String whole = parent.isEmpty() ? pattern : pattern.isEmpty() ? parent : parent + "/" + pattern;
            if (ScopedResolver.resolve(ctx, whole) == null) {
                throw new SourceNotFoundException(source, ctx.where(), ctx.excludedReason(whole));
            }
        }
        for (String root : parentDirectories(source, parent)) {
            walk(root, "", MatchInfo.NONE, include, MatchInfo.NONE, new ArrayList<>());
        }
    }

    /** The directories a {@code --parents} source's pivot names (several when it has wildcards). */
    private List<String> parentDirectories(String source, String parent) throws SourceException {
        String[] parts = parent.isEmpty() ? new String[0] : parent.split("/");
        int wild = firstWildcard(parts);
        List<String> dirs = new ArrayList<>();
        if (wild < 0) {
            String resolved = ScopedResolver.resolve(ctx, parent);
            if (resolved == null || !isDirectory(resolved)) {
                throw new SourceNotFoundException(source, ctx.where(), ctx.excludedReason(parent));
            }
            dirs.add(resolved);
            return dirs;
        }
        String base = String.join("/", Arrays.copyOfRange(parts, 0, wild));
        String baseDir = ScopedResolver.resolve(ctx, base);
        if (baseDir == null || !isDirectory(baseDir)) {
            return dirs;
        }
        String pattern = String.join("/", Arrays.copyOfRange(parts, wild, parts.length));
        for (ContextEntry match : wildcardMatches(baseDir, pattern, parts.length - wild)) {
            String resolved = ScopedResolver.resolve(ctx, match.path());
            if (resolved != null && isDirectory(resolved)) {
                dirs.add(resolved);
            }
        }
        return dirs;
    }

    /**
     * Takes the contents of {@code dir}: entries that pass the include pattern (if any) and not the excludes.
     * A directory left out itself is still written before anything below it that is taken.
     */
    private void walk(String dir, String rel, MatchInfo includeInfo, PatternMatcher include, MatchInfo excludeInfo,
                      List<SelectedEntry> pending) {
        for (ContextEntry e : ctx.children(dir)) {
            if (ctx.hiddenUnlessNamed(e.path())) {
                continue;
            }
            String dest = rel.isEmpty() ? e.name() : rel + "/" + e.name();
            boolean keep = true;
            MatchInfo childInclude = MatchInfo.NONE;
            MatchInfo childExclude = MatchInfo.NONE;
            if (include != null) {
                PatternMatcher.Result r = include.matchesUsingParentResults(dest, includeInfo);
                keep = r.matched();
                childInclude = r.info();
            }
            if (!excludes.isEmpty()) {
                PatternMatcher.Result r = excludes.matchesUsingParentResults(dest, excludeInfo);
                keep = keep && !r.matched();
                childExclude = r.info();
            }
            SelectedEntry selected = new SelectedEntry(e, dest);
            boolean isDir = e.type() == EntryType.DIRECTORY;
            if (keep) {
                out.addAll(pending);
                pending.clear();
                out.add(selected);
            }
            if (isDir) {
                int depth = pending.size();
                if (!keep) {
                    pending.add(selected);
                }
                walk(e.path(), dest, childInclude, include, childExclude, pending);
                if (pending.size() > depth) {
                    pending.remove(depth);
                }
            }
        }
    }

    private boolean isDirectory(String path) {
        return path.isEmpty() || ctx.entry(path).map(e -> e.type() == EntryType.DIRECTORY).orElse(false);
    }

    private static int firstWildcard(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (GoGlob.hasWildcards(parts[i])) {
                return i;
            }
        }
        return -1;
    }
}
