package dev.estiba.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.lint.rules.Checks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration, pragmas and the check directive applied to findings. */
class LinterTest {

    static List<String> found(String dockerfile, LintConfig config) {
        FileResult r = new Linter(config, Checks.all(null), Map.of()).lint("Dockerfile", dockerfile, null);
        return r.findings().stream()
            .map(f -> f.rule() + "@" + f.range().line() + ":" + f.range().column() + ":" + f.severity().label()).toList();
    }

    static LintConfig yaml(String text) {
        return LintConfigFile.parse(".hadolint.yaml", text, LintConfig.defaults());
    }

    static final String DF = """
        FROM debian
        RUN cd /tmp
        RUN cd /var
        """;

    @Test
    void defaults() {
        // ordered by line, then column
        assertEquals(List.of("DL3006@1:6:warning", "DL3003@2:5:warning", "DL3059@3:1:info", "DL3003@3:5:warning"),
            found(DF, LintConfig.defaults()));
    }

    @Test
    void ignoredAndOverridden() {
        assertEquals(List.of("DL3006@1:6:error", "DL3003@2:5:style", "DL3003@3:5:style"),
            found(DF, yaml("ignored: [DL3059]\noverride:\n  error: [DL3006]\n  style: [DL3003]")));
        assertEquals(List.of("DL3006@1:6:warning", "DL3059@3:1:info"), found(DF, yaml("override:\n  ignore: [DL3003]")));
    }

    @Test
    void pragmaScopes() {
        String df = """
            # hadolint global ignore=DL3006
            FROM debian
            # hadolint ignore=DL3003,DL3059
            RUN cd /tmp
            RUN cd /var
            # estiba ignore=DL3003
            RUN cd /x
            """;
        assertEquals(List.of("DL3003@5:5:warning", "DL3059@5:1:info", "DL3059@7:1:info").stream().sorted().toList(),
            found(df, LintConfig.defaults()).stream().sorted().toList());
        assertTrue(found(df, yaml("disable-ignore-pragma: true")).contains("DL3006@2:6:warning"));
        assertTrue(found(df, yaml("override:\n  warning: [DL1001]")).contains("DL1001@3:1:warning"));
    }

    @Test
    void stagePragmaCoversTheStageOfTheNextFrom() {
        String df = "# hadolint stage ignore=DL3003\nFROM debian:12\nRUN cd /a\nFROM debian:12\nRUN cd /b\n";
        assertEquals(List.of("DL3003@5:5:warning"), found(df, LintConfig.defaults()));
    }

    @Test
    void checkDirective() {
        String df = "# check=skip=StageNameCasing;error=true\nFROM alpine:3 AS Build\nFROM alpine:3 as b\n";
        assertEquals(List.of("FromAsCasing@3:15:error"), found(df, LintConfig.defaults()));
        String all = "# check=skip=all\nFROM alpine:3 as Build\nRUN cd /x\n";
        assertEquals(List.of("DL3003@3:5:warning"), found(all, LintConfig.defaults()));
        assertEquals(List.of("DL1000@1:1:error", "StageNameCasing@2:18:warning"),
            found("# check=skp=x\nFROM alpine:3 AS Build\n", LintConfig.defaults()));
    }

    @Test
    void instructionsTheBuilderRefusesAreParseErrors() {
        assertEquals(List.of("DL1000@2:1:error"),
            found("FROM alpine:3 AS a\nCOPY --form=a /x /y\n", LintConfig.defaults()).stream()
                .filter(f -> f.startsWith("DL1000")).toList());
        assertEquals(List.of(), found("FROM alpine:3 AS a\nCOPY --from=a /x /y\n", LintConfig.defaults()).stream()
            .filter(f -> f.startsWith("DL1000")).toList());
    }

    @Test
    void parseErrorIsAFindingAtItsPosition() {
        FileResult r = new Linter(LintConfig.defaults(), null).lint("Dockerfile", "FROM alpine:3\nRUNN make\n", null);
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("DL1000", f.rule());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(SourceRange.at(2, 1), f.range());
        assertTrue(f.message().startsWith("unknown instruction: RUNN"), f.message());
    }
}
