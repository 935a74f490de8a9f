package dev.estiba.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting into words, with cases taken from BuildKit's wordsTest table (facts, not code). */
class WordSplittingTest {
    private static final ShellLexer LEX = ShellLexer.withEscape('\\');
    private static final Map<String, String> ENV = Map.of(
        "hi", "hi", "space", "abc  def", "leading", "  ab c", "trailing", "ab c   ");

    static Stream<Arguments> table() {
        return Stream.of(
            Arguments.of("hello", List.of("hello")),
            Arguments.of("hello${nothere}bye", List.of("hellobye")),
            Arguments.of("hello${hi}bye", List.of("hellohibye")),
            Arguments.of("hello${space}bye", List.of("helloabc", "defbye")),
            Arguments.of("hello\"${space}\"bye", List.of("helloabc  defbye")),
            Arguments.of("hello \"${space}\"bye", List.of("hello", "abc  defbye")),
            Arguments.of("hello${leading}def", List.of("hello", "ab", "cdef")),
            Arguments.of("hello\"${leading}\" def", List.of("hello  ab c", "def")),
            Arguments.of("hello\"${leading}\"", List.of("hello  ab c")),
            Arguments.of("hello${leading}", List.of("hello", "ab", "c")),
            Arguments.of("hello${trailing}", List.of("helloab", "c")),
            Arguments.of("hello${trailing}d", List.of("helloab", "c", "d")),
            Arguments.of("hello\"${trailing}\"d", List.of("helloab c   d")),
            Arguments.of("hel\"lo${trailing}\"", List.of("helloab c   ")),
            Arguments.of("hello\" there  \"", List.of("hello there  ")),
            Arguments.of("hello there     ", List.of("hello", "there")),
            Arguments.of("hello\\ there", List.of("hello there")),
            Arguments.of("hello\\\" there", List.of("hello\"", "there")),
            Arguments.of("hello\"\\\\there\"", List.of("hello\\there")),
            Arguments.of("hello\"\\there\"", List.of("hello\\there")),
            Arguments.of("hello'\\\\there'", List.of("hello\\\\there")),
            Arguments.of("hello'\\there'", List.of("hello\\there")),
            Arguments.of("hello'$there'", List.of("hello$there")),
            Arguments.of("\"\" a", List.of("a")),
            Arguments.of("  ", List.of()),
            Arguments.of("80/tcp ${space}", List.of("80/tcp", "abc", "def")),
            Arguments.of("a\tb\nc", List.of("a", "b", "c")));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("table")
    void splitsOnUnquotedWhitespace(String input, List<String> expected) {
        assertEquals(expected, LEX.expandWords(input, ENV));
    }

    @org.junit.jupiter.api.Test
    void anUnterminatedQuoteIsAnError() {
        ExpansionException e = assertThrows(ExpansionException.class, () -> LEX.expandWords("hello\" there", ENV));
        assertEquals("failed to process \"hello\\\" there\": "
            + "unexpected end of statement while looking for matching double-quote", e.getMessage());
    }
}
