package dev.estiba.context.pattern;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Cross-checks the two pattern engines: moby's regex compilation ({@link PathPattern}) against Go's
 * {@code filepath.Match} algorithm ({@link GoGlob}), and the tree-walk form of the matcher against the direct one.
 */
class PatternPropertiesTest {
    /**
     * No negated class, nor any class that can match {@code /}: Go's Match lets a class match {@code /} but its
     * star commits to the first place the next chunk fits, so {@code *[^a]*} fails {@code b/a} in Go and matches
     * it as moby's regex. Both engines are kept as their projects have them.
     */
    private static final List<String> TOKENS = List.of("a", "b", ".", "*", "?", "[ab]", "[a-b]", "[.a]", "\\*", "/");

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(6)
            .filter(t -> {
                for (int i = 1; i < t.size(); i++) {
                    if (t.get(i).equals("*") && t.get(i - 1).equals("*")) {
                        return false; // "**" is moby's own syntax, not filepath.Match's
                    }
                }
                return true;
            })
            .map(t -> String.join("", t));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", ".a", "*", "ab").list().ofMinSize(1).ofMaxSize(4)
            .map(t -> String.join("/", t));
    }

    @Property(tries = 3000, seed = "5")
    void regexCompilationAgreesWithGoMatch(@ForAll("globs") String glob, @ForAll("paths") String path)
            throws BadPatternException {
        String cleaned = GoPath.clean(glob);
        PatternMatcher m = PatternMatcher.of(List.of(glob));
        Assertions.assertEquals(GoGlob.match(cleaned, path), m.matchesExact(path), () -> glob + " ~ " + path);
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        // Without exceptions: with them the two forms differ in moby too (see exceptionOnParentQuirk).
        Arbitrary<String> one = Arbitraries.of("a", "b", "*", "**", "a/b", "**/b", "a/**", "*/b", "b/*", "[ab]/a",
            "?/a", "**/a/*");
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /**
     * moby's MatchesUsingParentResults skips an exception while nothing is matched, so it never learns that the
     * exception matched a parent; MatchesOrParentMatches checks the parents directly. BuildKit's context walk uses
     * the former, so {@code b/a} is sent for {@code b/*}, {@code !**}{@code /b}; estiba walks the same way.
     */
    @org.junit.jupiter.api.Test
    void exceptionOnParentQuirk() throws BadPatternException {
        PatternMatcher m = PatternMatcher.of(List.of("b/*", "!**/b"));
        MatchInfo parent = m.matchesUsingParentResults("b", MatchInfo.NONE).info();
        Assertions.assertTrue(m.matchesUsingParentResults("b/a", parent).matched());
        Assertions.assertFalse(m.matchesOrParentMatches("b/a"));
    }

    @Property(tries = 3000, seed = "5")
    void walkingWithParentResultsAgreesWithCheckingParents(@ForAll("patternLists") List<String> patterns,
                                                          @ForAll("paths") String path) throws BadPatternException {
        PatternMatcher m = PatternMatcher.of(patterns);
        MatchInfo info = MatchInfo.NONE;
        List<String> prefixes = new ArrayList<>();
        String[] parts = path.split("/");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            p.append(i == 0 ? "" : "/").append(parts[i]);
            prefixes.add(p.toString());
        }
        for (String dir : prefixes) {
            info = m.matchesUsingParentResults(dir, info).info();
        }
        Assertions.assertEquals(m.matchesOrParentMatches(path), m.matchesUsingParentResults(path, info).matched(),
            () -> patterns + " ~ " + path);
    }
}
