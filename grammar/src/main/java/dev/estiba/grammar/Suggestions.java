package dev.estiba.grammar;

import java.util.Locale;
import java.util.function.ToIntFunction;

/** "Did you mean" suggestions: the candidate closest to a misspelt word by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, ignoring case, among those within
     * {@code maxDistance.applyAsInt(candidate)} edits; the first of equally close ones; null when
     * none is close enough. Each caller keeps its own threshold (its messages are pinned by tests).
     */
    public static String closest(String word, Iterable<String> candidates, ToIntFunction<String> maxDistance) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= maxDistance.applyAsInt(candidate)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
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
