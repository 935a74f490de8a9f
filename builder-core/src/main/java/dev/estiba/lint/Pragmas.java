package dev.estiba.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint pragmas of one Dockerfile: {@code # hadolint ignore=...} (and {@code # estiba ignore=...})
 * for the next instruction, {@code global ignore=} for the file, {@code stage ignore=} for the stage
 * of the FROM that follows, {@code shell=} for the instructions after it, and BuildKit's
 * {@code # check=skip=...;error=...;experimental=...} directive at the top of the file.
 */
public final class Pragmas {
    private static final Pattern IGNORE = Pattern.compile(
        "#\\s*(hadolint|estiba)\\s+(?:(global|stage)\\s+)?ignore\\s*=\\s*([A-Za-z0-9]+(?:\\s*,\\s*[A-Za-z0-9]+)*)\\s*(?:#.*)?");
    private static final Pattern SHELL = Pattern.compile("#\\s*(hadolint|estiba)\\s+shell\\s*=\\s*(\\S+)\\s*(?:#.*)?");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*");

    /** A comment line of the Dockerfile, 1-based, text from the {@code #}. */
    public record Comment(int line, String text) {
    }

    /** The lines an instruction spans, and whether it is a FROM (which starts a stage). */
    public record Span(int line, int endLine, boolean from) {
    }

    /** A {@code shell=} pragma: the shell named from its line on. */
    private record ShellPragma(int line, String shell) {
    }

    /** An inline ignore pragma, kept for DL1001. */
    public record IgnorePragma(int line, int column, String text) {
    }

    private final Set<String> global = new LinkedHashSet<>();
    private final Map<Integer, Set<String>> byInstruction = new HashMap<>();
    private final Map<Integer, Set<String>> byStage = new HashMap<>();
    private final List<ShellPragma> shells = new ArrayList<>();
    private final List<IgnorePragma> inlineIgnores = new ArrayList<>();
    private final List<Span> spans;
    private CheckDirective check = CheckDirective.NONE;

    private Pragmas(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    /**
     * Reads the pragmas.
     *
     * @param comments every whole-line comment, in order
     * @param spans every instruction, in order
     * @param directiveLines the comment lines that form the parser-directive block at the top
     */
    public static Pragmas read(List<Comment> comments, List<Span> spans, Set<Integer> directiveLines) {
        Pragmas p = new Pragmas(spans);
        for (Comment c : comments) {
            String text = c.text().strip();
            Matcher m = IGNORE.matcher(text);
            Matcher sh = SHELL.matcher(text);
            Matcher d = DIRECTIVE.matcher(text);
            int next = p.nextInstruction(c.line());
            if (m.matches()) {
                Set<String> codes = codes(m.group(3));
                if (m.group(2) == null) {
                    if (next >= 0) {
                        p.byInstruction.computeIfAbsent(next, k -> new LinkedHashSet<>()).addAll(codes);
                    }
                    int col = c.text().indexOf('#') + 1;
                    p.inlineIgnores.add(new IgnorePragma(c.line(), col, text));
                } else if (m.group(2).equals("global")) {
                    p.global.addAll(codes);
                } else if (next >= 0 && spans.get(next).from()) {
                    p.byStage.computeIfAbsent(next, k -> new LinkedHashSet<>()).addAll(codes);
                }
            } else if (sh.matches()) {
                p.shells.add(new ShellPragma(c.line(), sh.group(2)));
            } else if (directiveLines.contains(c.line()) && d.matches()
                && d.group(1).toLowerCase(Locale.ROOT).equals("check")) {
                p.check = CheckDirective.parse(d.group(2), c.line());
            }
        }
        return p;
    }

    private static Set<String> codes(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            out.add(s.strip());
        }
        return out;
    }

    private int nextInstruction(int line) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).line() > line) {
                return i;
            }
        }
        return -1;
    }

    private int instructionAt(int line) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            if (spans.get(i).line() <= line) {
                return line <= spans.get(i).endLine() ? i : -1;
            }
        }
        return -1;
    }

    /** The BuildKit check directive (or {@link CheckDirective#NONE}). */
    public CheckDirective check() {
        return check;
    }

    /** The inline ignore pragmas in file order. */
    public List<IgnorePragma> inlineIgnores() {
        return List.copyOf(inlineIgnores);
    }

    /** The shell named by a shell pragma before {@code line}, or null. */
    public String shellAt(int line) {
        String s = null;
        for (ShellPragma p : shells) {
            if (p.line() < line) {
                s = p.shell();
            }
        }
        return s;
    }

    /** Whether an ignore pragma covers this rule on this line. */
    public boolean ignores(String rule, int line) {
        if (global.contains(rule)) {
            return true;
        }
        int at = instructionAt(line);
        if (at < 0) {
            return false;
        }
        if (byInstruction.getOrDefault(at, Set.of()).contains(rule)) {
            return true;
        }
        for (int i = at; i >= 0; i--) {
            if (spans.get(i).from()) {
                return byStage.getOrDefault(i, Set.of()).contains(rule);
            }
        }
        return false;
    }
}
