package dev.estiba.expand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One expansion run over one word: the state machine behind {@link ShellLexer#expand}. */
final class WordScanner {
    private static final int EOF = -1;

    private final ShellLexer lexer;
    private final String source;
    private final int[] chars;
    private final Map<String, String> env;
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private int pos;
    private boolean rawEscapes;

    WordScanner(ShellLexer lexer, String source, Map<String, String> env) {
        this.lexer = lexer;
        this.source = source;
        this.chars = source.codePoints().toArray();
        this.env = env;
        this.rawEscapes = lexer.keepsEscapes();
    }

    /** A failure inside the word; turned into an {@link ExpansionException} at the top. */
    private static final class Failure extends RuntimeException {
        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Part(String text, List<String> words) {
    }

    Expansion run() {
        try {
            Part p = processStopOn(EOF, rawEscapes);
            return new Expansion(p.text(), p.words(), referenced, unset);
        } catch (Failure | ShellPattern.InvalidPattern f) {
            throw new ExpansionException(source, f.getMessage());
        }
    }

    private int peek() {
        return pos < chars.length ? chars[pos] : EOF;
    }

    private int next() {
        return pos < chars.length ? chars[pos++] : EOF;
    }

    private Part processStopOn(int stop, boolean raw) {
        boolean saved = rawEscapes;
        rawEscapes = raw;
        try {
            StringBuilder result = new StringBuilder();
            Words words = new Words();
            while (peek() != EOF) {
                int ch = peek();
                if (stop != EOF && ch == stop) {
                    next();
                    return new Part(result.toString(), words.finish());
                }
                if (ch == '$') {
                    String value = processDollar();
                    result.append(value);
                    words.addSplitting(value);
                } else if (lexer.processesQuotes() && (ch == '\'' || ch == '"')) {
                    String value = ch == '\'' ? processSingleQuote() : processDoubleQuote();
                    result.append(value);
                    words.addRaw(value);
                } else {
                    ch = next();
                    if (ch == lexer.escapeChar()) {
                        if (rawEscapes) {
                            words.addRaw(ch);
                            result.appendCodePoint(ch);
                        }
                        ch = next();
                        if (ch == EOF) {
                            break; // a lone escape at the end is dropped
                        }
                        words.addRaw(ch);
                    } else {
                        words.add(ch);
                    }
                    result.appendCodePoint(ch);
                }
            }
            if (stop != EOF) {
                throw new Failure("unexpected end of statement while looking for matching "
                    + Character.toString(stop));
            }
            return new Part(result.toString(), words.finish());
        } finally {
            rawEscapes = saved;
        }
    }

    private String processSingleQuote() {
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (lexer.keepsQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            ch = next();
            if (ch == EOF) {
                throw new Failure("unexpected end of statement while looking for matching single-quote");
            }
            if (ch == '\'') {
                if (lexer.keepsQuotes()) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDoubleQuote() {
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (lexer.keepsQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            int p = peek();
            if (p == EOF) {
                throw new Failure("unexpected end of statement while looking for matching double-quote");
            }
            if (p == '"') {
                ch = next();
                if (lexer.keepsQuotes()) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            }
            if (p == '$') {
                result.append(processDollar());
                continue;
            }
            ch = next();
            if (ch == lexer.escapeChar()) {
                if (rawEscapes) {
                    result.appendCodePoint(ch);
                }
                int after = peek();
                if (after == EOF) {
                    continue; // ignored at the end of the word; the loop then reports the open quote
                }
                // Only ", $ and the escape itself are escaped inside double quotes; any other stays.
                if (after == '"' || after == '$' || after == lexer.escapeChar()) {
                    ch = next();
                }
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDollar() {
        next();
        if (peek() != '{') {
            String name = processName();
            if (name.isEmpty()) {
                return "$";
            }
            String value = lookup(name);
            if (value == null) {
                return lexer.leavesUnsetAsWritten() ? "$" + name : "";
            }
            return value;
        }
        next();
        int first = peek();
        if (first == EOF) {
            throw new Failure("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new Failure("syntax error: bad substitution");
        }
        String name = processName();
        int ch = next();
        if (ch == EOF) {
            throw new Failure("syntax error: missing '}'");
        }
        String modifier = Character.toString(ch);
        switch (ch) {
            case '}' -> {
                String value = lookup(name);
                if (value == null) {
                    return lexer.leavesUnsetAsWritten() ? "${" + name + "}" : "";
                }
                return value;
            }
            case ':', '+', '-', '?', '#', '%' -> {
                boolean nullIsUnset = false;
                if (ch == ':') {
                    nullIsUnset = true;
                    ch = next();
                    modifier += ch == EOF ? "" : Character.toString(ch);
                }
                boolean pattern = ch == '#' || ch == '%';
                if (nullIsUnset && pattern) {
                    throw new Failure("unsupported modifier (" + modifier + ") in substitution");
                }
                String word = nested('}', pattern, "syntax error: missing '}'");
                String value = lookup(name);
                if (lexer.leavesUnsetAsWritten() && value == null) {
                    return "${" + name + modifier + word + "}";
                }
                boolean empty = value == null || (nullIsUnset && value.isEmpty());
                return switch (ch) {
                    case '-' -> empty ? word : value;
                    case '+' -> empty ? "" : word;
                    case '?' -> {
                        if (value == null) {
                            throw new Failure(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                        }
                        if (empty) {
                            throw new Failure(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                        }
                        yield value;
                    }
                    case '#', '%' -> {
                        boolean longest = !word.isEmpty() && word.codePointAt(0) == ch;
                        String pat = longest ? word.substring(1) : word;
                        String v = value == null ? "" : value;
                        yield ch == '%' ? ShellPattern.trimSuffix(pat, v, longest)
                            : ShellPattern.trimPrefix(pat, v, longest);
                    }
                    default -> throw new Failure("unsupported modifier (" + modifier + ") in substitution");
                };
            }
            case '/' -> {
                boolean all = peek() == '/';
                if (all) {
                    next();
                }
                String pat = nested('/', true, "syntax error: missing '/' in ${}");
                String replacement = nested('}', true, "syntax error: missing '}'");
                String value = lookup(name);
                if (lexer.leavesUnsetAsWritten() && value == null) {
                    return "${" + name + "/" + pat + "/" + replacement + "}";
                }
                return ShellPattern.replace(pat, value == null ? "" : value, replacement, all);
            }
            default -> throw new Failure("unsupported modifier (" + modifier + ") in substitution");
        }
    }

    /** The word part of a {@code ${...}} up to {@code stop}; at the end of input, {@code atEnd} is the reason. */
    private String nested(int stop, boolean raw, String atEnd) {
        try {
            return processStopOn(stop, raw).text();
        } catch (Failure f) {
            if (peek() == EOF) {
                throw new Failure(atEnd);
            }
            throw f;
        }
    }

    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.length() == 0 && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.length() == 0 && isSpecialParameter(ch)) {
                return Character.toString(next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    private static boolean isSpecialParameter(int ch) {
        return switch (ch) {
            case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
            default -> false;
        };
    }

    /** The value of {@code name}, or null when unset; records the reference either way. */
    private String lookup(String name) {
        referenced.add(name);
        String value = env.get(name);
        if (value == null) {
            unset.add(name);
        }
        return value;
    }

    /** Builds the split words alongside the joined result. */
    private static final class Words {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;

        void add(int ch) {
            if (isSpace(ch)) {
                if (inWord && word.length() != 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                addRaw(ch);
            }
        }

        void addRaw(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
        }

        void addSplitting(String s) {
            s.codePoints().forEach(this::add);
        }

        void addRaw(String s) {
            word.append(s);
            inWord = true;
        }

        List<String> finish() {
            if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return words;
        }
    }

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
    static boolean isSpace(int ch) {
        if (ch <= 0xFF) {
            return ch == ' ' || (ch >= '\t' && ch <= '\r') || ch == 0x85 || ch == 0xA0;
        }
        return Character.isSpaceChar(ch);
    }
}
