package dev.estiba.context.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables from moby/patternmatcher's patternmatcher_test.go, taken as facts about its behaviour. */
class PatternMatcherTest {
    private enum Pass { FAIL, EXACT, INEXACT }

    static Stream<Arguments> single() {
        return Stream.of(
            Arguments.of("**", "file", Pass.EXACT),
            Arguments.of("**", "file/", Pass.EXACT),
            Arguments.of("**/", "file", Pass.EXACT),
            Arguments.of("**/", "file/", Pass.EXACT),
            Arguments.of("**", "/", Pass.EXACT),
            Arguments.of("**/", "/", Pass.EXACT),
            Arguments.of("**", "dir/file", Pass.EXACT),
            Arguments.of("**/", "dir/file", Pass.EXACT),
            Arguments.of("**", "dir/file/", Pass.EXACT),
            Arguments.of("**/", "dir/file/", Pass.EXACT),
            Arguments.of("**/**", "dir/file", Pass.EXACT),
            Arguments.of("**/**", "dir/file/", Pass.EXACT),
            Arguments.of("dir/**", "dir/file", Pass.EXACT),
            Arguments.of("dir/**", "dir/file/", Pass.EXACT),
            Arguments.of("dir/**", "dir/dir2/file", Pass.EXACT),
            Arguments.of("dir/**", "dir/dir2/file/", Pass.EXACT),
            Arguments.of("**/dir", "dir", Pass.EXACT),
            Arguments.of("**/dir", "dir/file", Pass.INEXACT),
            Arguments.of("**/dir2/*", "dir/dir2/file", Pass.EXACT),
            Arguments.of("**/dir2/*", "dir/dir2/file/", Pass.INEXACT),
            Arguments.of("**/dir2/**", "dir/dir2/dir3/file", Pass.EXACT),
            Arguments.of("**/dir2/**", "dir/dir2/dir3/file/", Pass.EXACT),
            Arguments.of("**file", "file", Pass.EXACT),
            Arguments.of("**file", "dir/file", Pass.EXACT),
            Arguments.of("**/file", "dir/file", Pass.EXACT),
            Arguments.of("**file", "dir/dir/file", Pass.EXACT),
            Arguments.of("**/file", "dir/dir/file", Pass.EXACT),
            Arguments.of("**/file*", "dir/dir/file", Pass.EXACT),
            Arguments.of("**/file*", "dir/dir/file.txt", Pass.EXACT),
            Arguments.of("**/file*txt", "dir/dir/file.txt", Pass.EXACT),
            Arguments.of("**/file*.txt", "dir/dir/file.txt", Pass.EXACT),
            Arguments.of("**/file*.txt*", "dir/dir/file.txt", Pass.EXACT),
            Arguments.of("**/**/*.txt", "dir/dir/file.txt", Pass.EXACT),
            Arguments.of("**/**/*.txt2", "dir/dir/file.txt", Pass.FAIL),
            Arguments.of("**/*.txt", "file.txt", Pass.EXACT),
            Arguments.of("**/**/*.txt", "file.txt", Pass.EXACT),
            Arguments.of("a**/*.txt", "a/file.txt", Pass.EXACT),
            Arguments.of("a**/*.txt", "a/dir/file.txt", Pass.EXACT),
            Arguments.of("a**/*.txt", "a/dir/dir/file.txt", Pass.EXACT),
            Arguments.of("a/*.txt", "a/dir/file.txt", Pass.FAIL),
            Arguments.of("a/*.txt", "a/file.txt", Pass.EXACT),
            Arguments.of("a/*.txt**", "a/file.txt", Pass.EXACT),
            Arguments.of("a[b-d]e", "ae", Pass.FAIL),
            Arguments.of("a[b-d]e", "ace", Pass.EXACT),
            Arguments.of("a[b-d]e", "aae", Pass.FAIL),
            Arguments.of("a[^b-d]e", "aze", Pass.EXACT),
            Arguments.of(".*", ".foo", Pass.EXACT),
            Arguments.of(".*", "foo", Pass.FAIL),
            Arguments.of("abc.def", "abcdef", Pass.FAIL),
            Arguments.of("abc.def", "abc.def", Pass.EXACT),
            Arguments.of("abc.def", "abcZdef", Pass.FAIL),
            Arguments.of("abc?def", "abcZdef", Pass.EXACT),
            Arguments.of("abc?def", "abcdef", Pass.FAIL),
            Arguments.of("**/foo/bar", "foo/bar", Pass.EXACT),
            Arguments.of("**/foo/bar", "dir/foo/bar", Pass.EXACT),
            Arguments.of("**/foo/bar", "dir/dir2/foo/bar", Pass.EXACT),
            Arguments.of("abc/**", "abc", Pass.FAIL),
            Arguments.of("abc/**", "abc/def", Pass.EXACT),
            Arguments.of("abc/**", "abc/def/ghi", Pass.EXACT),
            Arguments.of("**/.foo", ".foo", Pass.EXACT),
            Arguments.of("**/.foo", "bar.foo", Pass.FAIL),
            Arguments.of("a(b)c/def", "a(b)c/def", Pass.EXACT),
            Arguments.of("a(b)c/def", "a(b)c/xyz", Pass.FAIL),
            Arguments.of("a.|)$(}+{bc", "a.|)$(}+{bc", Pass.EXACT),
            Arguments.of("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
                "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.EXACT),
            Arguments.of("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.EXACT),
            Arguments.of("a\\\\", "a\\", Pass.EXACT),
            Arguments.of("a\\*b", "a*b", Pass.EXACT));
    }

    static Stream<Arguments> multi() {
        return Stream.of(
            Arguments.of(List.of("**", "!util/docker/web"), "util/docker/web/foo", Pass.FAIL),
            Arguments.of(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", Pass.EXACT),
            Arguments.of(List.of("**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
                "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Pass.FAIL),
            Arguments.of(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
                Pass.FAIL));
    }

    @ParameterizedTest(name = "exact {0} ~ {1}: {2}")
    @MethodSource("single")
    void matchesExact(String pattern, String text, Pass pass) throws BadPatternException {
        assertEquals(pass == Pass.EXACT, PatternMatcher.of(List.of(pattern)).matchesExact(text));
    }

    @ParameterizedTest(name = "parents {0} ~ {1}: {2}")
    @MethodSource("single")
    void matchesOrParentMatches(String pattern, String text, Pass pass) throws BadPatternException {
        assertEquals(pass != Pass.FAIL, PatternMatcher.of(List.of(pattern)).matchesOrParentMatches(text));
    }

    @ParameterizedTest(name = "parents {0} ~ {1}: {2}")
    @MethodSource("multi")
    void multiPatternsMatchesOrParentMatches(List<String> patterns, String text, Pass pass) throws BadPatternException {
        assertEquals(pass != Pass.FAIL, PatternMatcher.of(patterns).matchesOrParentMatches(text));
    }

    @ParameterizedTest(name = "walk {0} ~ {1}: {2}")
    @MethodSource("single")
    void matchesUsingParentResults(String pattern, String text, Pass pass) throws BadPatternException {
        assertEquals(pass != Pass.FAIL, walk(PatternMatcher.of(List.of(pattern)), text));
    }

    @ParameterizedTest(name = "walk {0} ~ {1}: {2}")
    @MethodSource("multi")
    void multiPatternsUsingParentResults(List<String> patterns, String text, Pass pass) throws BadPatternException {
        assertEquals(pass != Pass.FAIL, walk(PatternMatcher.of(patterns), text));
    }

    @ParameterizedTest(name = "no context {0} ~ {1}: {2}")
    @MethodSource("single")
    void matchesUsingParentResultsWithoutContext(String pattern, String text, Pass pass) throws BadPatternException {
        PatternMatcher m = PatternMatcher.of(List.of(pattern));
        assertEquals(pass != Pass.FAIL, m.matchesUsingParentResults(text, MatchInfo.NONE).matched());
    }

    /** Walks the parent directories first, as moby's MatchesUsingParentResults test does. */
    private static boolean walk(PatternMatcher m, String text) {
        MatchInfo info = MatchInfo.NONE;
        // Go's filepath.Dir("a/b/") is "a/b": a trailing slash makes the last element a parent too.
        int slash = text.lastIndexOf('/');
        if (slash > 0) {
            String[] dirs = text.substring(0, slash).split("/");
            StringBuilder p = new StringBuilder();
            for (String d : dirs) {
                if (p.length() > 0) {
                    p.append('/');
                }
                p.append(d);
                info = m.matchesUsingParentResults(p.toString(), info).info();
            }
        }
        return m.matchesUsingParentResults(text, info).matched();
    }

    /** moby's copy of Go's table, run through its Matches(): parent directories count. */
    static Stream<Arguments> goTable() {
        return Stream.of(
            Arguments.of("abc", "abc", true), Arguments.of("*", "abc", true), Arguments.of("*c", "abc", true),
            Arguments.of("a*", "a", true), Arguments.of("a*", "abc", true), Arguments.of("a*", "ab/c", true),
            Arguments.of("a*/b", "abc/b", true), Arguments.of("a*/b", "a/c/b", false),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/f", true), Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
            Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
            Arguments.of("a*b?c*x", "abxbbxdbxebxczzx", true), Arguments.of("a*b?c*x", "abxbbxdbxebxczzy", false),
            Arguments.of("ab[c]", "abc", true), Arguments.of("ab[b-d]", "abc", true),
            Arguments.of("ab[e-g]", "abc", false), Arguments.of("ab[^c]", "abc", false),
            Arguments.of("ab[^b-d]", "abc", false), Arguments.of("ab[^e-g]", "abc", true),
            Arguments.of("a\\*b", "a*b", true), Arguments.of("a\\*b", "ab", false),
            Arguments.of("a?b", "a☺b", true), Arguments.of("a[^a]b", "a☺b", true),
            Arguments.of("a???b", "a☺b", false), Arguments.of("a[^a][^a][^a]b", "a☺b", false),
            Arguments.of("[a-ζ]*", "α", true), Arguments.of("*[a-ζ]", "A", false),
            Arguments.of("a?b", "a/b", false), Arguments.of("a*b", "a/b", false),
            Arguments.of("[\\]a]", "]", true), Arguments.of("[\\-]", "-", true),
            Arguments.of("[x\\-]", "x", true), Arguments.of("[x\\-]", "-", true), Arguments.of("[x\\-]", "z", false),
            Arguments.of("[\\-x]", "x", true), Arguments.of("[\\-x]", "-", true), Arguments.of("[\\-x]", "a", false),
            Arguments.of("*x", "xxx", true));
    }

    @ParameterizedTest(name = "Matches({1}, [{0}]) = {2}")
    @MethodSource("goTable")
    void goTableThroughMatcher(String pattern, String text, boolean expected) throws BadPatternException {
        assertEquals(expected, PatternMatcher.of(List.of(pattern)).matchesOrParentMatches(text));
    }

    @ParameterizedTest(name = "New([{0}]) fails")
    @MethodSource("goBad")
    void badPatternsFailWhenBuilt(String pattern) {
        assertThrows(BadPatternException.class, () -> PatternMatcher.of(List.of(pattern)));
    }

    static Stream<String> goBad() {
        return Stream.of("[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[", "!");
    }

    @Test
    void singleExclamationIsIllegal() {
        BadPatternException e = assertThrows(BadPatternException.class, () -> PatternMatcher.of(List.of("!")));
        assertEquals("bad pattern \"!\": illegal exclusion pattern \"!\"", e.getMessage());
    }

    @Test
    void rangeGoAcceptsButRegexRejectsFailsEarly() {
        // moby/moby#52203: Go's Match accepts "[Local-Only]" (range l-O is empty), its regexp does not.
        BadPatternException e = assertThrows(BadPatternException.class,
            () -> PatternMatcher.of(List.of("[Local-Only]/")));
        assertEquals("bad pattern \"[Local-Only]/\": invalid character class range l-O", e.getMessage());
    }

    @Test
    void exceptionsAndOrder() throws BadPatternException {
        assertTrue(PatternMatcher.of(List.of("!fileutils.go", "*.go")).matchesOrParentMatches("fileutils.go"));
        assertFalse(PatternMatcher.of(List.of("*.go", "!fileutils.go")).matchesOrParentMatches("fileutils.go"));
        assertFalse(PatternMatcher.of(List.of("docs", "!docs/README.md")).matchesOrParentMatches("docs/README.md"));
        assertFalse(PatternMatcher.of(List.of("docs/", "!docs/README.md")).matchesOrParentMatches("docs/README.md"));
        assertFalse(PatternMatcher.of(List.of("docs/*", "!docs/README.md")).matchesOrParentMatches("docs/README.md"));
        assertFalse(PatternMatcher.of(List.of()).matchesOrParentMatches("any/path/there"));
    }

    @Test
    void cleaningStripsBlanksAndKeepsExceptionFlag() throws BadPatternException {
        assertEquals(2, PatternMatcher.of(List.of("docs", "config", "")).patterns().size());
        assertTrue(PatternMatcher.of(List.of("docs", "  !docs/README.md")).hasExclusions());
        assertTrue(PatternMatcher.of(List.of("docs", "!docs/README.md  ")).hasExclusions());
        assertEquals("a/b", PatternMatcher.of(List.of("./a//b/")).patterns().get(0).toString());
    }

    @Test
    void decidingPatternNamesTheLastMatch() throws BadPatternException {
        PatternMatcher m = PatternMatcher.of(List.of("*.md", "docs", "!docs/keep.md", "docs/keep.md"));
        assertEquals(1, m.decidingPattern("docs/a.txt"));
        assertEquals(3, m.decidingPattern("docs/keep.md"));
        assertEquals(0, m.decidingPattern("README.md"));
        assertEquals(-1, m.decidingPattern("src/a.txt"));
    }
}
