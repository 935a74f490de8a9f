package dev.estiba.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellPatternTest {

    static Stream<Arguments> regexes() {
        return Stream.of(
            Arguments.of("*", "^.*"),
            Arguments.of("?", "^."),
            Arguments.of("\\*", "^\\*"),
            Arguments.of("(()[]{\\}^$.\\*\\?|\\\\", "^\\(\\(\\)\\[\\]\\{\\}\\^\\$\\.\\*\\?\\|\\\\"),
            Arguments.of("a\\/b", "^a/b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regexes")
    void convertsToAnAnchoredGreedyRegex(String pattern, String regex) {
        assertEquals(regex, ShellPattern.toRegex(pattern, true, true).pattern());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "\\x", "\\\\\\"})
    void rejectsBadEscapes(String pattern) {
        assertThrows(ShellPattern.InvalidPattern.class, () -> ShellPattern.toRegex(pattern, true, true));
    }

    static Stream<Arguments> reversed() {
        return Stream.of(
            Arguments.of("a\\*c", "c\\*a"),
            Arguments.of("\\\\\\ab", "b\\a\\\\"),
            Arguments.of("ab\\", "\\ba"),
            Arguments.of("👽\\🚀🖖", "🖖\\🚀👽"),
            Arguments.of("\\\\b", "b\\\\"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reversed")
    void reversesKeepingEscapePairs(String pattern, String expected) {
        assertEquals(expected, ShellPattern.reversePattern(pattern));
    }

    @ParameterizedTest
    @CsvSource({"54321,12345", "🖖🚀👽,👽🚀🖖"})
    void reversesByCodePoint(String in, String out) {
        assertEquals(out, ShellPattern.reverse(in));
    }

    @ParameterizedTest
    @CsvSource({"a.b.c,*.,c,b.c", "a[1].txt,*[,1].txt,1].txt"})
    void bracketsAreLiteral(String value, String pattern, String longest, String shortest) {
        assertEquals(longest, ShellPattern.trimPrefix(pattern, value, true));
        assertEquals(shortest, ShellPattern.trimPrefix(pattern, value, false));
    }
}
