package dev.estiba.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the heredoc openers in a logical line as BuildKit does: the line is split into shell words (quotes and
 * backslash escapes kept raw, always with {@code \} whatever the escape directive says), and every word matching
 * {@code ^(\d*)<<(-?)\s*([^<]*)$} with a non-empty rest opens a heredoc.
 */
final class HeredocWords {
    private static final Pattern OPENER = Pattern.compile("^(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)$", Pattern.DOTALL);

    /** A heredoc opener found in the line. {@code start}/{@code end} index the logical line. */
    record Opener(int start, int end, String word, String delimiter, boolean quoted, boolean stripTabs,
            OptionalInt fileDescriptor) {
    }

    /** Thrown for a delimiter with an unbalanced quote; {@code at} indexes the logical line. */
    static final class BadDelimiter extends Exception {
        private static final long serialVersionUID = 1L;
        final int at;

        BadDelimiter(String message, int at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private HeredocWords() {
    }

    static List<Opener> find(String line, int from, int to) throws BadDelimiter {
        List<Opener> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && GoText.isSpace(line.charAt(i))) {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            char quote = 0;
            while (i < to) {
                char c = line.charAt(i);
                if (quote == 0 && GoText.isSpace(c)) {
                    // Since Dockerfile 1.16 "<< EOF" is one heredoc word: the lexer reads on after "<<" or "<<-".
                    int next = GoText.skipSpace(line, i, to);
                    if (next < to && isBareOpener(line, start, i)) {
                        i = next;
                        continue;
                    }
                    break;
                }
                if (c == '\\' && quote != '\'') {
                    i = Math.min(i + 2, to);
                    continue;
                }
                if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            }
            if (startsLikeOpener(line, start, i)) {
                Opener o = opener(line, start, i);
                if (o != null) {
                    found.add(o);
                }
            }
        }
        return found;
    }

    /** True when {@code [start, end)} is {@code \d*<<-?}: an opener whose word follows after blanks. */
    private static boolean isBareOpener(String line, int start, int end) {
        int j = start;
        while (j < end && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
            j++;
        }
        if (end - j == 3 && line.charAt(j + 2) == '-') {
            end--;
        }
        return end - j == 2 && line.charAt(j) == '<' && line.charAt(j + 1) == '<';
    }

    private static boolean startsLikeOpener(String line, int start, int end) {
        int j = start;
        while (j < end && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
            j++;
        }
        return j + 1 < end && line.charAt(j) == '<' && line.charAt(j + 1) == '<';
    }

    private static Opener opener(String line, int start, int end) throws BadDelimiter {
        String word = line.substring(start, end);
        Matcher m = OPENER.matcher(word);
        if (!m.matches() || m.group(3).isEmpty()) {
            return null;
        }
        String rest = m.group(3);
        int restAt = start + m.start(3);
        StringBuilder name = new StringBuilder();
        char quote = 0;
        int quoteAt = 0;
        int removed = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                    removed++;
                } else {
                    name.append(c);
                }
            } else if (c == '\\' && i + 1 < rest.length()) {
                char next = rest.charAt(++i);
                if (quote == '"' && next != '"' && next != '\\' && next != '$' && next != '`') {
                    name.append(c);
                }
                name.append(next);
            } else if (quote == '"' && c == '"') {
                quote = 0;
                removed++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                quoteAt = i;
                removed++;
            } else if (quote == 0 && GoText.isSpace(c)) {
                return null; // more than one word
            } else {
                name.append(c);
            }
        }
        if (quote != 0) {
            throw new BadDelimiter("unterminated " + (quote == '\'' ? "single" : "double")
                    + " quote in heredoc delimiter " + rest, restAt + quoteAt);
        }
        String fd = m.group(1);
        OptionalInt fileDescriptor = fd.isEmpty() ? OptionalInt.empty() : parseFd(fd);
        return new Opener(start, end, word, name.toString(), removed > 0, m.group(2).equals("-"), fileDescriptor);
    }

    private static OptionalInt parseFd(String digits) {
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException tooLarge) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
    }
}
