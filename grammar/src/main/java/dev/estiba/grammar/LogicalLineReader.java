package dev.estiba.grammar;

import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Directive;
import dev.estiba.grammar.tree.Position;
import dev.estiba.grammar.tree.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written pre-pass: physical lines to logical lines, in one linear pass, as BuildKit's scanner loop does it.
 * It reads the leading directive block (and switches the escape character), drops comment lines (keeping them for
 * the tree), joins continuation lines, records empty continuation lines, and on request reads the heredoc bodies
 * that follow a logical line.
 */
final class LogicalLineReader {
    /** BuildKit's scanner refuses a line of 64 KiB or more (bytes, without the line ending). */
    static final int MAX_LINE_BYTES = 65535;
    private static final Pattern DIRECTIVE = Pattern.compile("^#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*="
            + "[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*$", Pattern.DOTALL);
    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");

    private final String name;
    private final String src;
    private int pos;
    private int lineNo;
    // The current physical line: [lineStart, contentEnd) without its line ending; nextPos starts the next line.
    private int lineStart;
    private int contentEnd;
    private int nextPos;

    private boolean directivesDone;
    private final Set<String> seenDirectives = new HashSet<>();
    private char escape = '\\';
    final List<Directive> directives = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Position> emptyContinuationLines = new ArrayList<>();

    /** @param src the source text, a leading BOM already removed */
    LogicalLineReader(String name, String src) {
        this.name = name;
        this.src = src;
    }

    char escape() {
        return escape;
    }

    String source() {
        return src;
    }

    /** The next logical line, or null at the end of the source. */
    LogicalLine next() {
        while (nextPhysical()) {
            int s = GoText.skipSpace(src, lineStart, contentEnd);
            if (!directivesDone && directive(s)) {
                continue;
            }
            directivesDone = true;
            if (s < contentEnd && src.charAt(s) == '#') {
                comments.add(comment(s, false));
                continue;
            }
            int cont = continuation(s, contentEnd);
            if (cont < 0 && s == contentEnd) {
                continue; // a blank line
            }
            LogicalLine ll = new LogicalLine();
            ll.sourceStart = s;
            ll.append(src, s, cont < 0 ? contentEnd : cont, lineNo, lineStart);
            markEnd(ll);
            while (cont >= 0 && nextPhysical()) {
                markEnd(ll);
                int t = GoText.skipSpace(src, lineStart, contentEnd);
                if (t < contentEnd && src.charAt(t) == '#') {
                    Comment c = comment(t, true);
                    comments.add(c);
                    ll.comments.add(c);
                    continue;
                }
                if (t == contentEnd) {
                    Position p = new Position(lineNo, 1, lineStart);
                    emptyContinuationLines.add(p);
                    ll.emptyContinuationLines.add(p);
                    continue;
                }
                cont = continuation(lineStart, contentEnd);
                ll.append(src, lineStart, cont < 0 ? contentEnd : cont, lineNo, lineStart);
            }
            return ll;
        }
        return null;
    }

    /**
     * Reads a heredoc body after the current line: lines up to one equal to {@code delimiter} (leading tabs ignored
     * when {@code stripTabs}). Returns the body verbatim with line endings, or null when the source ends first.
     */
    String heredocBody(LogicalLine ll, String delimiter, boolean stripTabs) {
        int bodyStart = nextPos;
        while (nextPhysical()) {
            int s = lineStart;
            if (stripTabs) {
                while (s < contentEnd && src.charAt(s) == '\t') {
                    s++;
                }
            }
            markEnd(ll);
            if (contentEnd - s == delimiter.length() && src.startsWith(delimiter, s)) {
                return src.substring(bodyStart, lineStart);
            }
        }
        return null;
    }

    /** Source offset where the next physical line starts. */
    int nextLineStart() {
        return nextPos;
    }

    int lineNumber() {
        return lineNo;
    }

    /** Position of a source offset on the current line. */
    Position positionOnCurrentLine(int offset) {
        return new Position(lineNo, offset - lineStart + 1, offset);
    }

    private void markEnd(LogicalLine ll) {
        ll.sourceEnd = contentEnd;
        ll.endLine = lineNo;
        ll.endLineStart = lineStart;
    }

    private boolean nextPhysical() {
        if (pos >= src.length()) {
            return false;
        }
        lineNo++;
        lineStart = pos;
        int nl = src.indexOf('\n', pos);
        int end = nl < 0 ? src.length() : nl;
        nextPos = nl < 0 ? src.length() : nl + 1;
        pos = nextPos;
        int e = end;
        while (e > lineStart && src.charAt(e - 1) == '\r') {
            e--;
        }
        contentEnd = e;
        if (end - lineStart > MAX_LINE_BYTES / 3 && utf8Length(lineStart, end) > MAX_LINE_BYTES) {
            throw error(lineNo, 1, "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES,
                    src.substring(lineStart, Math.min(contentEnd, lineStart + 200)));
        }
        return true;
    }

    private int utf8Length(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c < 0x80 || (c >= 0xDC80 && c <= 0xDCFF)) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Where the continuation escape starts when the line {@code [from, to)} continues, else -1: the escape character
     * is the last one before trailing blanks and is not itself escaped (or is alone on the line).
     */
    private int continuation(int from, int to) {
        int i = to;
        while (i > from && (src.charAt(i - 1) == ' ' || src.charAt(i - 1) == '\t')) {
            i--;
        }
        if (i == from || src.charAt(i - 1) != escape) {
            return -1;
        }
        int at = i - 1;
        if (at > from && src.charAt(at - 1) == escape) {
            return -1;
        }
        return at;
    }

    private boolean directive(int s) {
        if (s >= contentEnd || src.charAt(s) != '#') {
            return false;
        }
        Matcher m = DIRECTIVE.matcher(src).region(s, contentEnd);
        if (!m.matches()) {
            return false;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (!DIRECTIVE_NAMES.contains(key)) {
            return false;
        }
        String line = src.substring(lineStart, contentEnd);
        if (!seenDirectives.add(key)) {
            throw error(lineNo, s - lineStart + 1, "only one " + key + " parser directive can be used", line);
        }
        String value = m.group(2);
        if (key.equals("escape")) {
            if (!value.equals("`") && !value.equals("\\")) {
                throw error(lineNo, m.start(2) - lineStart + 1,
                        "invalid escape token '" + value + "' does not match ` or \\", line);
            }
            escape = value.charAt(0);
        }
        SourceRange range = new SourceRange(positionOnCurrentLine(s), positionOnCurrentLine(contentEnd));
        directives.add(new Directive(key, value, src.substring(s, contentEnd), range));
        return true;
    }

    private Comment comment(int s, boolean inside) {
        String original = src.substring(lineStart, contentEnd);
        int from = GoText.skipSpace(src, s + 1, contentEnd);
        String text = src.substring(from, GoText.trimEnd(src, from, contentEnd));
        return new Comment(text, original, inside,
                new SourceRange(positionOnCurrentLine(s), positionOnCurrentLine(contentEnd)));
    }

    DockerfileParseException error(int line, int column, String message, String sourceLine) {
        return new DockerfileParseException(name, line, column, message, sourceLine);
    }
}
