package dev.estiba.context.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * moby's patternmatcher: an ordered list of patterns where the last one that matches decides, and
 * {@code !pattern} exceptions re-include what earlier patterns matched. A pattern matching a directory
 * matches everything under it. Paths are slash-separated and relative to the root the patterns apply to.
 *
 * <p>Each pattern is trimmed, cleaned like Go's {@code filepath.Clean} and checked with Go's
 * {@code filepath.Match} syntax when the matcher is built, so a bad pattern fails early and clearly.
 */
public final class PatternMatcher {
    private final List<PathPattern> patterns;
    private final boolean exclusions;

    private PatternMatcher(List<PathPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(PathPattern::exclusion);
    }

    /**
     * Builds a matcher; blank patterns are skipped.
     *
     * @throws BadPatternException for {@code "!"} alone or a pattern Go's {@code filepath.Match} rejects
     */
    public static PatternMatcher of(List<String> patterns) throws BadPatternException {
        List<PathPattern> compiled = new ArrayList<>(patterns.size());
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = GoPath.clean(p);
            boolean exclusion = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new BadPatternException(raw, "illegal exclusion pattern \"!\"");
                }
                exclusion = true;
                p = p.substring(1);
            }
            GoGlob.validate(p);
            compiled.add(new PathPattern(raw, p, exclusion));
        }
        return new PatternMatcher(compiled);
    }

    /** The patterns, cleaned, in order. */
    public List<PathPattern> patterns() {
        return patterns;
    }

    /** Whether any pattern is an exception ({@code !...}). */
    public boolean hasExclusions() {
        return exclusions;
    }

    /** Whether there are no patterns at all. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether {@code path} itself matches, without looking at its parent directories. */
    public boolean matchesExact(String path) {
        boolean matched = false;
        for (PathPattern pattern : patterns) {
            if (pattern.exclusion() != matched) {
                continue;
            }
            if (pattern.matches(path)) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /** Whether {@code path} or one of its parent directories matches, after exceptions. */
    public boolean matchesOrParentMatches(String path) {
        return decidingPattern(path) >= 0;
    }

    /**
     * The index of the pattern that made {@code path} (or a parent of it) match, or -1 when the path is
     * not matched in the end. Lets callers say which line of an ignore file excluded a file.
     */
    public int decidingPattern(String path) {
        boolean matched = false;
        int decider = -1;
        String[] parents = parentPrefixes(path);
        for (int i = 0; i < patterns.size(); i++) {
            PathPattern pattern = patterns.get(i);
            if (pattern.exclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(path);
            for (int j = 0; !match && j < parents.length; j++) {
                match = pattern.matches(parents[j]);
            }
            if (match) {
                matched = !pattern.exclusion();
                decider = i;
            }
        }
        return matched ? decider : -1;
    }

    /** The outcome of {@link #matchesUsingParentResults}: the answer and what to pass to the children. */
    public record Result(boolean matched, MatchInfo info) {
    }

    /**
     * Same answer as {@link #matchesOrParentMatches}, but reuses the parent directory's results (from the
     * call made for the parent) instead of re-checking every parent: the form a tree walk uses.
     */
    public Result matchesUsingParentResults(String path, MatchInfo parent) {
        boolean checkParents = !parent.known();
        boolean[] mine = new boolean[patterns.size()];
        boolean matched = false;
        String[] parents = null;
        for (int i = 0; i < patterns.size(); i++) {
            PathPattern pattern = patterns.get(i);
            boolean match = parent.known() && parent.matched(i);
            if (!match) {
                if (pattern.exclusion() != matched) {
                    continue;
                }
                match = pattern.matches(path);
                if (!match && checkParents) {
                    if (parents == null) {
                        parents = parentPrefixes(path);
                    }
                    for (int j = 0; !match && j < parents.length; j++) {
                        match = pattern.matches(parents[j]);
                    }
                }
            }
            mine[i] = match;
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return new Result(matched, new MatchInfo(mine));
    }

    /** "a/b/c" gives {"a", "a/b"}. */
    private static String[] parentPrefixes(String path) {
        List<String> out = new ArrayList<>();
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (i > 0) {
                out.add(path.substring(0, i));
            }
        }
        return out.toArray(new String[0]);
    }
}
