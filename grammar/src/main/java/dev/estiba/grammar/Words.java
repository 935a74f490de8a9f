package dev.estiba.grammar;

import java.util.ArrayList;
import java.util.List;

/** BuildKit's ways of cutting argument text into words. Each word is returned as a {@code [start, end)} span. */
final class Words {
    private Words() {
    }

    /**
     * Splits trimmed text on runs of {@code [\t\v\f\r ]}, with no quote handling (FROM, EXPOSE, non-JSON
     * ADD/COPY/VOLUME).
     */
    static List<int[]> splitOnBlanks(String s, int from, int to) {
        List<int[]> words = new ArrayList<>();
        int i = from;
        while (i < to) {
            int start = i;
            while (i < to && !GoText.isBlank(s.charAt(i))) {
                i++;
            }
            words.add(new int[] {start, i});
            while (i < to && GoText.isBlank(s.charAt(i))) {
                i++;
            }
        }
        return words;
    }

    /**
     * BuildKit's {@code parseWords} (ENV, LABEL, ARG): words separated by white space outside quotes; quotes and
     * escapes stay in the word. The span of a word leaves out an escape character that ends the text (BuildKit drops
     * it). Returns spans; a word's text is {@code s.substring(span[0], span[1])}.
     */
    static List<int[]> splitQuoted(String s, int from, int to, char escape) {
        List<int[]> words = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && GoText.isSpace(s.charAt(i))) {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            int end = i;
            boolean blankOk = false;
            char quote = 0;
            while (i < to) {
                char c = s.charAt(i);
                if (quote == 0) {
                    if (GoText.isSpace(c)) {
                        break;
                    }
                    if (c == '\'' || c == '"') {
                        quote = c;
                        blankOk = true;
                    } else if (c == escape) {
                        if (i + 1 == to) {
                            i++;
                            break; // an escape at the very end is dropped
                        }
                        i++;
                    }
                } else if (c == quote) {
                    quote = 0;
                } else if (c == escape && quote != '\'') {
                    if (i + 1 == to) {
                        i++;
                        break;
                    }
                    i++;
                }
                i++;
                end = i;
            }
            if (blankOk || end > start) {
                words.add(new int[] {start, end});
            }
        }
        return words;
    }
}
