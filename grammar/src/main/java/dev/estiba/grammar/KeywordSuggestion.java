package dev.estiba.grammar;

import dev.estiba.grammar.tree.Keyword;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The "did you mean" for an unknown instruction: the closest keyword within a small edit distance. */
final class KeywordSuggestion {
    /** Longer words are not worth comparing, and the distance table stays small. */
    private static final int MAX_WORD = 32;

    private static final List<String> KEYWORDS =
        Arrays.stream(Keyword.values()).map(Keyword::name).toList();

    private KeywordSuggestion() {
    }

    /** {@code " (did you mean RUN?)"} when a keyword is close to {@code word}, else the empty string. */
    static String didYouMean(String word) {
        if (word.length() > MAX_WORD) {
            return "";
        }
        String upper = word.toUpperCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(2, upper.length() / 3));
        String best = Suggestions.closest(upper, KEYWORDS, candidate -> allowed);
        return best != null ? " (did you mean " + best + "?)" : "";
    }
}
