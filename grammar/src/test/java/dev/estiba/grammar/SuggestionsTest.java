package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edit distance and the closest candidate under a caller's threshold. */
class SuggestionsTest {

    @ParameterizedTest
    @CsvSource({
        "'', '', 0",
        "'', abc, 3",
        "kitten, sitting, 3",
        "RUN, RUM, 1",
        "COPY, CPOY, 2",
        "flaw, lawn, 2",
    })
    void levenshtein(String a, String b, int expected) {
        assertEquals(expected, Suggestions.distance(a, b));
        assertEquals(expected, Suggestions.distance(b, a));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        // word, threshold, expected
        "chmdo, 2, chmod",
        "CHOWN, 0, chown",     // case is ignored
        "chmdo, 1, null",      // two edits, only one allowed
        "from, 1, from",
        "xyz, 2, null",
        "lin, 1, link",        // first of the equally close: link (1) before line (1)
    })
    void closestWithinThreshold(String word, int threshold, String expected) {
        List<String> candidates = List.of("chmod", "chown", "from", "link", "line");
        assertEquals(expected, Suggestions.closest(word, candidates, c -> threshold));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "GOT, null",    // GO is one edit away, but short candidates allow none
        "PAHT, PATH",   // two edits, allowed for long candidates
        "PAT, PATH",
    })
    void thresholdPerCandidate(String word, String expected) {
        List<String> candidates = List.of("GO", "PATH");
        assertEquals(expected, Suggestions.closest(word, candidates, c -> c.length() >= 4 ? 2 : 0));
    }
}
