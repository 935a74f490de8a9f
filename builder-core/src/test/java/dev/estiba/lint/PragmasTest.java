package dev.estiba.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.lint.Pragmas.Comment;
import dev.estiba.lint.Pragmas.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PragmasTest {
    // 1 # check=skip=StageNameCasing;experimental=CopyIgnoredFile
    // 2 # hadolint global ignore=DL3006
    // 3 FROM a
    // 4 # hadolint ignore=DL3008, DL3015 # apt is fine here
    // 5 RUN apt-get install x \
    // 6     y
    // 7 RUN apt-get install z
    // 8 # estiba stage ignore=DL3059
    // 9 FROM b
    // 10 # hadolint shell=pwsh
    // 11 RUN x
    static final List<Span> SPANS = List.of(new Span(3, 3, true), new Span(5, 6, false), new Span(7, 7, false),
        new Span(9, 9, true), new Span(11, 11, false));
    static final List<Comment> COMMENTS = List.of(
        new Comment(1, "# check=skip=StageNameCasing;experimental=CopyIgnoredFile"),
        new Comment(2, "# hadolint global ignore=DL3006"),
        new Comment(4, "# hadolint ignore=DL3008, DL3015 # apt is fine here"),
        new Comment(8, "  # estiba stage ignore=DL3059"),
        new Comment(10, "# hadolint shell=pwsh"));

    @Test
    void scopes() {
        Pragmas p = Pragmas.read(COMMENTS, SPANS, Set.of(1));
        assertTrue(p.ignores("DL3006", 3));
        assertTrue(p.ignores("DL3006", 11));
        assertTrue(p.ignores("DL3008", 5));
        assertTrue(p.ignores("DL3015", 6));
        assertFalse(p.ignores("DL3008", 7));
        assertFalse(p.ignores("DL3059", 7));
        assertTrue(p.ignores("DL3059", 11));
        assertTrue(p.ignores("DL3059", 9));
        assertFalse(p.ignores("DL3008", 4));
        assertNull(p.shellAt(10));
        assertEquals("pwsh", p.shellAt(11));
        assertEquals(List.of(new Pragmas.IgnorePragma(4, 1, "# hadolint ignore=DL3008, DL3015 # apt is fine here")),
            p.inlineIgnores());
        assertEquals(Set.of("StageNameCasing"), p.check().skip());
        assertEquals(Set.of("CopyIgnoredFile"), p.check().experimental());
    }

    @Test
    void checkOutsideTheDirectiveBlockIsAComment() {
        Pragmas p = Pragmas.read(COMMENTS, SPANS, Set.of());
        assertEquals(CheckDirective.NONE, p.check());
    }

    @Test
    void checkDirective() {
        RuleInfo casing = RuleCatalog.get("StageNameCasing");
        RuleInfo copyIgnored = RuleCatalog.get("CopyIgnoredFile");
        RuleInfo dl3008 = RuleCatalog.get("DL3008");
        CheckDirective all = CheckDirective.parse(" skip = all ; error = true", 1);
        assertTrue(all.error());
        assertFalse(all.enables(casing));
        assertTrue(all.enables(dl3008));
        assertFalse(CheckDirective.NONE.enables(copyIgnored));
        assertTrue(CheckDirective.parse("skip=CopyIgnoredFile;experimental=CopyIgnoredFile", 1).enables(copyIgnored));
        assertTrue(CheckDirective.parse("experimental=all", 1).enables(copyIgnored));
        assertTrue(CheckDirective.parse("skip=stagenamecasing", 1).enables(casing));
        LintConfigException e = assertThrows(LintConfigException.class, () -> CheckDirective.parse("skip=A;loud=1", 3));
        assertEquals("line 3: invalid check option 'loud'", e.getMessage());
    }
}
