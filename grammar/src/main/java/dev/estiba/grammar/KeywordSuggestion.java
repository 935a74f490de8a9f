package dev.estiba.grammar;

import dev.estiba.grammar.tree.Keyword;
import java.util.Locale;

/** The "did you mean" for an unknown instruction: the closest keyword within a small edit distance. */
final class KeywordSuggestion {
    /** Longer words are not worth comparing, and the distance table stays small. */
    private static final int MAX_WORD = 32;

    private KeywordSuggestion() {
    }

    /** {@code " (did you mean RUN?)"} when a keyword is close to {@code word}, else the empty string. */
    static String didYouMean(String word) {
        if (word.length() > MAX_WORD) {
            return "";
        }
        String upper = word.toUpperCase(Locale.ROOT);
        Keyword best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Keyword k : Keyword.values()) {
            int d = distance(upper, k.name());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(2, upper.length() / 3));
        return bestDistance <= allowed ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
