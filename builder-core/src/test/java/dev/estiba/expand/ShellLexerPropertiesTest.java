package dev.estiba.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Quoting rules that hold for every string. */
class ShellLexerPropertiesTest {
    private static final ShellLexer LEX = ShellLexer.withEscape('\\');
    private static final Map<String, String> ENV = Map.of("A", "1");

    @Property
    void escapingEveryCharacterGivesTheTextBack(@ForAll @StringLength(max = 40) String s) {
        StringBuilder escaped = new StringBuilder();
        s.codePoints().forEach(c -> escaped.append('\\').appendCodePoint(c));
        assertEquals(s, LEX.expandWord(escaped.toString(), ENV));
    }

    @Property
    void singleQuotesKeepEverythingButTheQuote(@ForAll @StringLength(max = 40) String s) {
        String body = s.replace("'", "");
        assertEquals(body, LEX.expandWord("'" + body + "'", ENV));
    }

    @Property
    void doubleQuotesWithEscapedSpecialsGiveTheTextBackAsOneWord(@ForAll @StringLength(max = 40) String s) {
        String escaped = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
        Expansion e = LEX.expand("\"" + escaped + "\"", ENV);
        assertEquals(s, e.value());
        assertEquals(s.isEmpty() ? List.of() : List.of(s), e.words());
    }

    @Property
    void plainWordsSplitOnSpacesOnly(
            @ForAll @Chars({'a', 'b', 'c', ' ', '/', '.', '-'}) @StringLength(max = 30) String s) {
        List<String> expected = java.util.Arrays.stream(s.trim().split(" +")).filter(w -> !w.isEmpty()).toList();
        assertEquals(expected, LEX.expandWords(s, ENV));
        assertEquals(s, LEX.expandWord(s, ENV));
    }

    @Property
    void anUnsetNameIsReportedAndExpandsToEmpty(
            @ForAll @CharRange(from = 'B', to = 'Z') @StringLength(min = 1, max = 8) String name) {
        Expansion e = LEX.expand("x${" + name + "}y", ENV);
        assertEquals("xy", e.value());
        assertEquals(java.util.Set.of(name), e.unset());
    }
}
