package dev.estiba.context.pattern;

/**
 * Go's {@code path/filepath.Match} on Unix: {@code *} (any run of non-{@code /} characters), {@code ?}
 * (one non-{@code /} character), {@code [...]} and {@code [^...]} classes with ranges, and {@code \}
 * escapes. As since Go 1.16, the whole pattern is checked for syntax even when the name stops matching
 * early, so a bad pattern fails the same way for every name.
 *
 * <p>Works on code points, as Go works on runes: {@code a?b} matches {@code a☺b}.
 */
public final class GoGlob {
    private GoGlob() {
    }

    /**
     * Whether {@code name} matches {@code pattern} as a whole.
     *
     * @throws BadPatternException when the pattern is malformed
     */
    public static boolean match(String pattern, String name) throws BadPatternException {
        int[] p = pattern.codePoints().toArray();
        int[] s = name.codePoints().toArray();
        int pi = 0;
        int si = 0;
        outer:
        while (pi < p.length) {
            boolean star = false;
            while (pi < p.length && p[pi] == '*') {
                pi++;
                star = true;
            }
            int chunkEnd = scanChunk(p, pi);
            int chunkStart = pi;
            pi = chunkEnd;
            if (star && chunkStart == chunkEnd) {
                // A trailing star matches the rest of the name unless it crosses a separator.
                for (int i = si; i < s.length; i++) {
                    if (s[i] == '/') {
                        return false;
                    }
                }
                return true;
            }
            int rest = matchChunk(pattern, p, chunkStart, chunkEnd, s, si);
            if (rest >= 0 && (rest == s.length || pi < p.length)) {
                si = rest;
                continue;
            }
            if (star) {
                for (int i = si; i < s.length && s[i] != '/'; i++) {
                    int t = matchChunk(pattern, p, chunkStart, chunkEnd, s, i + 1);
                    if (t >= 0) {
                        if (pi == p.length && t < s.length) {
                            continue;
                        }
                        si = t;
                        continue outer;
                    }
                }
            }
            // No match: still check that the rest of the pattern is well formed.
            while (pi < p.length) {
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
                int end = scanChunk(p, pi);
                matchChunk(pattern, p, pi, end, s, s.length);
                pi = end;
            }
            return false;
        }
        return si == s.length;
    }

    /**
     * Checks the syntax of {@code pattern} alone.
     *
     * @throws BadPatternException when the pattern is malformed
     */
    public static void validate(String pattern) throws BadPatternException {
        match(pattern, ".");
    }

    /** Whether a path component holds an unescaped wildcard character ({@code * ? [}). */
    public static boolean hasWildcards(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** End of the chunk starting at {@code from}: up to the next star outside a class. */
    private static int scanChunk(int[] p, int from) {
        boolean inRange = false;
        int i = from;
        for (; i < p.length; i++) {
            int c = p[i];
            if (c == '\\') {
                if (i + 1 < p.length) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /**
     * Matches the star-free chunk {@code p[from, to)} at the start of {@code s[si...]}.
     *
     * @return the index in {@code s} after the match, or -1 when it does not match
     */
    private static int matchChunk(String pattern, int[] p, int from, int to, int[] s, int si)
            throws BadPatternException {
        boolean failed = false;
        int ci = from;
        while (ci < to) {
            if (!failed && si >= s.length) {
                failed = true;
            }
            int c = p[ci];
            if (c == '[') {
                int r = 0;
                if (!failed) {
                    r = s[si++];
                }
                ci++;
                boolean negated = false;
                if (ci < to && p[ci] == '^') {
                    negated = true;
                    ci++;
                }
                boolean match = false;
                int ranges = 0;
                while (true) {
                    if (ci < to && p[ci] == ']' && ranges > 0) {
                        ci++;
                        break;
                    }
                    int[] lo = escapedChar(pattern, p, ci, to);
                    ci = lo[1];
                    int hi = lo[0];
                    if (p[ci] == '-') {
                        int[] h = escapedChar(pattern, p, ci + 1, to);
                        hi = h[0];
                        ci = h[1];
                    }
                    if (lo[0] <= r && r <= hi) {
                        match = true;
                    }
                    ranges++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s[si] == '/') {
                        failed = true;
                    }
                    si++;
                }
                ci++;
            } else {
                if (c == '\\') {
                    ci++;
                    if (ci >= to) {
                        throw new BadPatternException(pattern, "trailing backslash");
                    }
                }
                if (!failed) {
                    if (p[ci] != s[si]) {
                        failed = true;
                    }
                    si++;
                }
                ci++;
            }
        }
        return failed ? -1 : si;
    }

    /** Reads one possibly escaped character of a class; returns {char, next index}. */
    private static int[] escapedChar(String pattern, int[] p, int ci, int to) throws BadPatternException {
        if (ci >= to || p[ci] == '-' || p[ci] == ']') {
            throw new BadPatternException(pattern, ci >= to ? "unterminated character class" : "bad character class");
        }
        if (p[ci] == '\\') {
            ci++;
            if (ci >= to) {
                throw new BadPatternException(pattern, "unterminated character class");
            }
        }
        int r = p[ci++];
        if (ci >= to) {
            throw new BadPatternException(pattern, "unterminated character class");
        }
        return new int[] {r, ci};
    }
}
