package dev.estiba.context.ignore;

import dev.estiba.context.pattern.BadPatternException;
import dev.estiba.context.pattern.GoPath;
import dev.estiba.context.pattern.PatternMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code .dockerignore}, read as moby's {@code ignorefile.ReadAll} reads it: a UTF-8 byte order mark
 * on the first line is dropped; lines starting with {@code #} are comments (only in the first column); each
 * line is trimmed and blank lines skipped; after an optional {@code !} (spaces after it trimmed), the pattern is
 * cleaned like Go's {@code filepath.Clean} ({@code ./a}, {@code a/}, {@code a//b} all become plain paths) and
 * a leading {@code /} is dropped, so {@code /foo} means {@code foo} at the context root.
 *
 * @param name     how messages name the file ({@code .dockerignore}, {@code app.Dockerfile.dockerignore})
 * @param patterns the patterns, in order, after reading
 * @param lines    the 1-based line of each pattern
 * @param matcher  the compiled patterns
 */
public record IgnoreFile(String name, List<String> patterns, List<Integer> lines, PatternMatcher matcher) {
    /** An ignore file that excludes nothing. */
    public static final IgnoreFile NONE = new IgnoreFile(".dockerignore", List.of(), List.of(), emptyMatcher());

    /** Compact constructor: keeps immutable copies. */
    public IgnoreFile {
        patterns = List.copyOf(patterns);
        lines = List.copyOf(lines);
    }

    /**
     * Reads an ignore file.
     *
     * @param name how messages name it
     * @throws IgnoreFileException when a pattern is malformed ({@code name:line: bad pattern ...})
     */
    public static IgnoreFile parse(String name, Reader text) throws IOException, IgnoreFileException {
        List<String> patterns = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(text);
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = GoPath.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            patterns.add(invert ? "!" + pattern : pattern);
            lines.add(lineNo);
        }
        PatternMatcher matcher;
        try {
            matcher = PatternMatcher.of(patterns);
        } catch (BadPatternException e) {
            int at = patterns.indexOf(e.pattern());
            String where = at >= 0 ? name + ":" + lines.get(at) : name;
            throw new IgnoreFileException(where + ": " + e.getMessage(), e);
        }
        return new IgnoreFile(name, patterns, lines, matcher);
    }

    /** Reads an ignore file held in a string. */
    public static IgnoreFile parse(String name, String text) throws IgnoreFileException {
        try {
            return parse(name, new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /**
     * Why {@code path} is excluded: {@code NAME:LINE ("pattern")} for the pattern that decided it, or null when
     * the path is not excluded.
     */
    public String reasonExcluded(String path) {
        int i = matcher.decidingPattern(path);
        return i < 0 ? null : name + ":" + lines.get(i) + " (\"" + patterns.get(i) + "\")";
    }

    private static PatternMatcher emptyMatcher() {
        try {
            return PatternMatcher.of(List.of());
        } catch (BadPatternException e) {
            throw new IllegalStateException(e);
        }
    }
}
