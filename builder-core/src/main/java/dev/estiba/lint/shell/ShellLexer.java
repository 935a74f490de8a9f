package dev.estiba.lint.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script (or a range of one) into tokens the way a POSIX shell does: quotes, backslashes,
 * expansions, operators, redirections with their fd numbers, comments and heredoc bodies (read after
 * the newline that ends the line holding the operator). Command substitutions are parsed on the spot
 * and kept in {@link #substitutions()}.
 */
final class ShellLexer {
    private static final String[] OPERATORS = {
        "&&", "||", ";;", "|&", ";", "&", "|", "(", ")",
    };
    private static final String[] REDIRECTS = {
        "&>>", "<<<", "<<-", "<<", "<&", "<>", "<", ">>", ">&", ">|", "&>", ">",
    };

    private final String src;
    private final int end;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Token> pendingHeredocs = new ArrayList<>();
    private final List<Script> substitutions = new ArrayList<>();

    ShellLexer(String src, int from, int to) {
        this.src = src;
        this.pos = from;
        this.end = to;
    }

    List<Token> tokens() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < end && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < end && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                tokens.add(new Token(Token.Kind.NEWLINE, "\n", null, pos, null));
                pos++;
                readHeredocBodies();
            } else if ((c == '<' || c == '>') && pos + 1 < end && src.charAt(pos + 1) == '(') {
                // bash process substitution <(cmd): a word whose commands are parsed like $(cmd)
                int start = pos;
                int close = matching(pos + 1, '(', ')');
                substitutions.add(new ShellParser(src, pos + 2, close - 1).parse());
                pos = close;
                String raw = src.substring(start, pos);
                tokens.add(new Token(Token.Kind.WORD, raw, new Word(raw, raw, start, pos, false), start, null));
            } else if (!operatorOrRedirect(pos)) {
                int start = pos;
                Word w = word();
                if (isDigits(w.raw()) && pos < end && (src.charAt(pos) == '<' || src.charAt(pos) == '>')) {
                    redirect(start);
                } else {
                    tokens.add(new Token(Token.Kind.WORD, w.raw(), w, start, null));
                }
            }
        }
        if (!pendingHeredocs.isEmpty()) {
            Token t = pendingHeredocs.get(0);
            throw new ShellSyntaxException("heredoc delimited by " + t.word().value() + " is not closed", t.start());
        }
        return tokens;
    }

    List<Script> substitutions() {
        return substitutions;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** Reads an operator or redirection at {@code at}; false when there is none. */
    private boolean operatorOrRedirect(int at) {
        for (String r : REDIRECTS) {
            if (src.startsWith(r, at) && at + r.length() <= end) {
                redirect(at);
                return true;
            }
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, at) && at + op.length() <= end) {
                tokens.add(new Token(Token.Kind.OPERATOR, op, null, at, null));
                pos = at + op.length();
                return true;
            }
        }
        return false;
    }

    private void redirect(int start) {
        String op = null;
        for (String r : REDIRECTS) {
            if (src.startsWith(r, pos)) {
                op = r;
                break;
            }
        }
        pos += op.length();
        while (pos < end && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos >= end || "\n;&|()<>".indexOf(src.charAt(pos)) >= 0) {
            throw new ShellSyntaxException("missing word after " + op, pos);
        }
        Word target = word();
        boolean heredoc = op.equals("<<") || op.equals("<<-");
        Token t = new Token(Token.Kind.REDIRECT, op, target, start, heredoc ? new StringBuilder() : null);
        tokens.add(t);
        if (heredoc) {
            pendingHeredocs.add(t);
        }
    }

    private void readHeredocBodies() {
        for (Token t : pendingHeredocs) {
            String delimiter = t.word().value();
            boolean stripTabs = t.text().equals("<<-");
            while (true) {
                if (pos >= end) {
                    throw new ShellSyntaxException("heredoc delimited by " + delimiter + " is not closed", t.start());
                }
                int eol = src.indexOf('\n', pos);
                int lineEnd = eol < 0 || eol > end ? end : eol;
                String line = src.substring(pos, lineEnd);
                if (stripTabs) {
                    line = line.replaceFirst("^\t+", "");
                }
                pos = lineEnd < end ? lineEnd + 1 : end;
                if (line.equals(delimiter)) {
                    break;
                }
                t.heredoc().append(line).append('\n');
            }
        }
        pendingHeredocs.clear();
    }

    /** Reads one word from {@code pos}, stopping at an unquoted blank or metacharacter. */
    private Word word() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        boolean literal = true;
        while (pos < end) {
            char c = src.charAt(pos);
            if (" \t\r\n;&|()<>".indexOf(c) >= 0) {
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (pos + 1 < end && src.charAt(pos + 1) == '\n') {
                        pos += 2;
                    } else if (pos + 1 < end) {
                        value.append(src.charAt(pos + 1));
                        pos += 2;
                    } else {
                        pos++;
                    }
                }
                case '\'' -> {
                    int close = src.indexOf('\'', pos + 1);
                    if (close < 0 || close >= end) {
                        throw new ShellSyntaxException("unclosed single quote", pos);
                    }
                    value.append(src, pos + 1, close);
                    pos = close + 1;
                }
                case '"' -> literal &= doubleQuoted(value);
                case '$', '`' -> {
                    if (c == '$' && (pos + 1 >= end || !isExpansionStart(src.charAt(pos + 1)))) {
                        value.append(c);
                        pos++;
                    } else {
                        value.append(expansion());
                        literal = false;
                    }
                }
                default -> {
                    value.append(c);
                    pos++;
                }
            }
        }
        return new Word(src.substring(start, pos), value.toString(), start, pos, literal);
    }

    private static boolean isExpansionStart(char c) {
        return c == '(' || c == '{' || c == '_' || Character.isLetterOrDigit(c) || "@*#?$!-".indexOf(c) >= 0;
    }

    /** Reads {@code "..."} at {@code pos} into {@code value}; returns whether it held no expansion. */
    private boolean doubleQuoted(StringBuilder value) {
        int open = pos++;
        boolean literal = true;
        while (true) {
            if (pos >= end) {
                throw new ShellSyntaxException("unclosed double quote", open);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return literal;
            } else if (c == '\\' && pos + 1 < end && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    value.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if ((c == '$' && pos + 1 < end && isExpansionStart(src.charAt(pos + 1))) || c == '`') {
                value.append(expansion());
                literal = false;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Reads an expansion at {@code pos} ({@code $x}, {@code ${..}}, {@code $(..)}, {@code $((..))}, backquotes). */
    private String expansion() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '`') {
            int close = pos + 1;
            while (close < end && src.charAt(close) != '`') {
                close += src.charAt(close) == '\\' ? 2 : 1;
            }
            if (close >= end) {
                throw new ShellSyntaxException("unclosed backquote", start);
            }
            substitutions.add(new ShellParser(src, start + 1, close).parse());
            pos = close + 1;
        } else if (src.startsWith("$((", pos)) {
            pos = matching(pos + 1, '(', ')');
        } else if (src.startsWith("$(", pos)) {
            int close = matching(pos + 1, '(', ')');
            substitutions.add(new ShellParser(src, pos + 2, close - 1).parse());
            pos = close;
        } else if (src.startsWith("${", pos)) {
            pos = matching(pos + 1, '{', '}');
        } else {
            pos++;
            char n = src.charAt(pos);
            if (Character.isLetter(n) || n == '_') {
                while (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
            } else {
                pos++;
            }
        }
        return src.substring(start, pos);
    }

    /** The offset after the bracket closing the one at {@code open}, skipping quoted text. */
    private int matching(int open, char o, char cl) {
        int depth = 0;
        int i = open;
        while (i < end) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'' && o == '(') {
                int close = src.indexOf('\'', i + 1);
                i = close < 0 ? end : close + 1;
                continue;
            }
            if (c == '"') {
                i++;
                while (i < end && src.charAt(i) != '"') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            if (c == o) {
                depth++;
            } else if (c == cl && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new ShellSyntaxException("unclosed " + o, open);
    }
}
