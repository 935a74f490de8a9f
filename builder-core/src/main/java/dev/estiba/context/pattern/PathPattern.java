package dev.estiba.context.pattern;

import java.util.regex.Pattern;

/**
 * One cleaned pattern of a {@link PatternMatcher}, compiled the way moby's patternmatcher compiles it:
 * literal patterns compare exactly, {@code dir/**} by prefix, {@code **}{@code /name} by suffix, the rest
 * as a regular expression in which {@code *} and {@code ?} stop at {@code /} and {@code **} crosses it.
 */
public final class PathPattern {
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private final String cleaned;
    private final boolean exclusion;
    private final Kind kind;
    private final Pattern regex;

    PathPattern(String original, String cleaned, boolean exclusion) throws BadPatternException {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        Compiled c = compile(original, cleaned);
        this.kind = c.kind;
        this.regex = c.regex;
    }

    /** The pattern after cleaning, without its {@code !}. */
    @Override
    public String toString() {
        return cleaned;
    }

    /** Whether this is an exception ({@code !pattern}) that re-includes what earlier patterns matched. */
    public boolean exclusion() {
        return exclusion;
    }

    boolean matches(String path) {
        switch (kind) {
            case EXACT:
                return path.equals(cleaned);
            case PREFIX:
                return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX:
                String suffix = cleaned.substring(2);
                if (path.endsWith(suffix)) {
                    return true;
                }
                // "**/foo" also matches "foo" itself.
                return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
            default:
                return regex.matcher(path).matches();
        }
    }

    private record Compiled(Kind kind, Pattern regex) {
    }

    private static Compiled compile(String original, String pattern) throws BadPatternException {
        StringBuilder re = new StringBuilder();
        Kind kind = Kind.EXACT;
        int[] p = pattern.codePoints().toArray();
        int i = 0;
        for (int step = 0; i < p.length; step++) {
            int c = p[i++];
            if (c == '*') {
                if (i < p.length && p[i] == '*') {
                    i++;
                    if (i < p.length && p[i] == '/') {
                        i++; // "**/" is treated as "**"
                    }
                    if (i == p.length) {
                        // A trailing "**" accepts everything, as in .gitignore.
                        if (kind == Kind.EXACT) {
                            kind = Kind.PREFIX;
                        } else {
                            re.append(".*");
                            kind = Kind.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        kind = Kind.REGEX;
                    }
                    if (step == 0) {
                        kind = Kind.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    kind = Kind.REGEX;
                }
            } else if (c == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (c == '\\') {
                if (i < p.length) {
                    appendLiteral(re, p[i++]);
                    kind = Kind.REGEX;
                } else {
                    appendLiteral(re, '\\');
                }
            } else if (c == '[') {
                i = appendClass(original, re, p, i);
                kind = Kind.REGEX;
            } else {
                appendLiteral(re, c);
            }
        }
        if (kind != Kind.REGEX) {
            return new Compiled(kind, null);
        }
        try {
            return new Compiled(kind, Pattern.compile(re.toString()));
        } catch (IllegalArgumentException e) {
            throw new BadPatternException(original, e.getMessage().lines().findFirst().orElse("invalid"));
        }
    }

    private static void appendLiteral(StringBuilder re, int c) {
        re.append("\\x{").append(Integer.toHexString(c)).append('}');
    }

    /**
     * Translates a class body (validated by {@link GoGlob}) into a Java class, every character written as
     * a code point escape so that Java's own class syntax ({@code [[]}, {@code &&}) never applies.
     */
    private static int appendClass(String original, StringBuilder re, int[] p, int i) throws BadPatternException {
        re.append('[');
        if (i < p.length && p[i] == '^') {
            re.append('^');
            i++;
        }
        boolean first = true;
        while (i < p.length && (first || p[i] != ']')) {
            first = false;
            int lo = p[i] == '\\' ? p[++i] : p[i];
            i++;
            appendLiteral(re, lo);
            if (i + 1 < p.length && p[i] == '-') {
                i++;
                int hi = p[i] == '\\' ? p[++i] : p[i];
                i++;
                if (hi < lo) {
                    throw new BadPatternException(original, "invalid character class range "
                        + new String(Character.toChars(lo)) + "-" + new String(Character.toChars(hi)));
                }
                re.append('-');
                appendLiteral(re, hi);
            }
        }
        if (i >= p.length) {
            throw new BadPatternException(original, "unterminated character class");
        }
        re.append(']');
        return i + 1;
    }
}
