package dev.estiba.context.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's path/filepath match_test.go table (Go 1.16+ semantics), as facts about filepath.Match. */
class GoGlobTest {
    static Stream<Arguments> matches() {
        return Stream.of(
            Arguments.of("abc", "abc", true),
            Arguments.of("*", "abc", true),
            Arguments.of("*c", "abc", true),
            Arguments.of("a*", "a", true),
            Arguments.of("a*", "abc", true),
            Arguments.of("a*", "ab/c", false),
            Arguments.of("a*/b", "abc/b", true),
            Arguments.of("a*/b", "a/c/b", false),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/f", true),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
            Arguments.of("a*b?c*x", "abxbbxdbxebxczzx", true),
            Arguments.of("a*b?c*x", "abxbbxdbxebxczzy", false),
            Arguments.of("ab[c]", "abc", true),
            Arguments.of("ab[b-d]", "abc", true),
            Arguments.of("ab[e-g]", "abc", false),
            Arguments.of("ab[^c]", "abc", false),
            Arguments.of("ab[^b-d]", "abc", false),
            Arguments.of("ab[^e-g]", "abc", true),
            Arguments.of("a\\*b", "a*b", true),
            Arguments.of("a\\*b", "ab", false),
            Arguments.of("a?b", "a☺b", true),
            Arguments.of("a[^a]b", "a☺b", true),
            Arguments.of("a???b", "a☺b", false),
            Arguments.of("a[^a][^a][^a]b", "a☺b", false),
            Arguments.of("[a-ζ]*", "α", true),
            Arguments.of("*[a-ζ]", "A", false),
            Arguments.of("a?b", "a/b", false),
            Arguments.of("a*b", "a/b", false),
            Arguments.of("[\\]a]", "]", true),
            Arguments.of("[\\-]", "-", true),
            Arguments.of("[x\\-]", "x", true),
            Arguments.of("[x\\-]", "-", true),
            Arguments.of("[x\\-]", "z", false),
            Arguments.of("[\\-x]", "x", true),
            Arguments.of("[\\-x]", "-", true),
            Arguments.of("[\\-x]", "a", false),
            Arguments.of("*x", "xxx", true),
            // The Dockerfile reference's way to match a literal "[".
            Arguments.of("arr[[]0].txt", "arr[0].txt", true));
    }

    @ParameterizedTest(name = "Match({0}, {1}) = {2}")
    @MethodSource("matches")
    void matchesLikeGo(String pattern, String name, boolean expected) throws BadPatternException {
        assertEquals(expected, GoGlob.match(pattern, name));
    }

    static Stream<Arguments> badPatterns() {
        return Stream.of(
            Arguments.of("[]a]", "]"),
            Arguments.of("[-]", "-"),
            Arguments.of("[x-]", "x"),
            Arguments.of("[x-]", "-"),
            Arguments.of("[x-]", "z"),
            Arguments.of("[-x]", "x"),
            Arguments.of("[-x]", "-"),
            Arguments.of("[-x]", "a"),
            Arguments.of("\\", "a"),
            Arguments.of("[a-b-c]", "a"),
            Arguments.of("[", "a"),
            Arguments.of("[^", "a"),
            Arguments.of("[^bc", "a"),
            Arguments.of("a[", "a"),
            Arguments.of("a[", "ab"),
            Arguments.of("a[", "x"),
            Arguments.of("a/b[", "x"));
    }

    @ParameterizedTest(name = "Match({0}, {1}) = ErrBadPattern")
    @MethodSource("badPatterns")
    void rejectsBadPatternsWhateverTheName(String pattern, String name) {
        BadPatternException e = assertThrows(BadPatternException.class, () -> GoGlob.match(pattern, name));
        assertEquals(pattern, e.pattern());
        assertTrue(e.getMessage().startsWith("bad pattern \"" + pattern + "\": "), e.getMessage());
    }

    @ParameterizedTest(name = "hasWildcards({0}) = {1}")
    @MethodSource("wildcardComponents")
    void detectsUnescapedWildcards(String component, boolean expected) {
        assertEquals(expected, GoGlob.hasWildcards(component));
    }

    static Stream<Arguments> wildcardComponents() {
        return Stream.of(
            Arguments.of("app.jar", false),
            Arguments.of("*.jar", true),
            Arguments.of("a?c", true),
            Arguments.of("[ab]", true),
            Arguments.of("a\\*b", false),
            Arguments.of("a\\\\*b", true));
    }

    @org.junit.jupiter.api.Test
    void validatesWholePattern() throws BadPatternException {
        GoGlob.validate("a*/b?/[c-d]");
        assertThrows(BadPatternException.class, () -> GoGlob.validate("ok/*/x["));
        assertFalse(GoGlob.match("a*", ""));
    }
}
