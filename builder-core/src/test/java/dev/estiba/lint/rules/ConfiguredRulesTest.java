package dev.estiba.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.LintConfigFile;
import dev.estiba.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that need configuration (trusted registries, a label schema), a build context, or ShellCheck. */
class ConfiguredRulesTest {
    static final LintConfig SCHEMA = LintConfigFile.parse("c", """
        label-schema:
          author: email
          url: url
          created: rfc3339
          license: spdx
          revision: hash
          version: semver
          title: text
        strict-labels: true
        trustedRegistries: [docker.io, "*.gcr.io"]
        """, LintConfig.defaults());

    static final String ALL_LABELS = "LABEL author=me@x.org url=https://x.org created=2024-01-31T12:00:00Z"
        + " license=\"MIT OR Apache-2.0\" revision=0a1b2c3d version=1.2.3-rc.1 title=\"x\"\n";

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("DL3026", "FROM quay.io/a/b:1\nFROM eu.gcr.io/p/i:1\nFROM debian:12\nFROM ghcr.io/x:1\n",
                List.of("1:6", "4:6")),
            Arguments.of("DL3049", "FROM alpine:3\nLABEL author=me@x.org\n", List.of("1:1", "1:1", "1:1", "1:1", "1:1", "1:1")),
            Arguments.of("DL3049", "FROM alpine:3\n" + ALL_LABELS, List.of()),
            Arguments.of("DL3050", "FROM alpine:3\n" + ALL_LABELS + "LABEL extra=1\n", List.of("3:7")),
            Arguments.of("DL3051", "FROM alpine:3\nLABEL title=\"\"\n", List.of("2:7")),
            Arguments.of("DL3052", "FROM alpine:3\nLABEL url=x.org url=https://ok.org\n", List.of("2:7")),
            Arguments.of("DL3053", "FROM alpine:3\nLABEL created=yesterday created=2024-01-31T12:00:00+01:00\n", List.of("2:7")),
            Arguments.of("DL3054", "FROM alpine:3\nLABEL license=Proprietary license=GPL-2.0-only\n", List.of("2:7")),
            Arguments.of("DL3055", "FROM alpine:3\nLABEL revision=main revision=" + "f".repeat(40) + "\n", List.of("2:7")),
            Arguments.of("DL3056", "FROM alpine:3\nLABEL version=1.2 version=v1.2.3\n", List.of("2:7")),
            Arguments.of("DL3058", "FROM alpine:3\nLABEL author=me author=me@x.org\n", List.of("2:7")));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("cases")
    void rule(String rule, String dockerfile, List<String> positions) {
        assertEquals(positions, Lint.positions(rule, dockerfile, SCHEMA, null), dockerfile);
    }

    @Test
    void withoutConfigurationTheseRulesAreQuiet() {
        String df = "FROM quay.io/a/b:1\nLABEL url=x extra=1\n";
        for (String rule : List.of("DL3026", "DL3049", "DL3050", "DL3052")) {
            assertEquals(List.of(), Lint.positions(rule, df, LintConfig.defaults(), null), rule);
        }
    }

    @Test
    void copyIgnoredFileReadsTheContextsDockerignore(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve(".dockerignore"), "# build output\n*.log\nsecrets/\n!secrets/public.pem\n**/node_modules\n");
        String df = "# check=experimental=CopyIgnoredFile\nFROM alpine:3\nCOPY app.log /x/\nCOPY secrets/key /k\n"
            + "COPY secrets/public.pem /p\nCOPY web/node_modules/a /n/\nCOPY --from=build app.log /y\nCOPY src /src\n";
        assertEquals(List.of("3:1", "4:1", "6:1"), Lint.positions("CopyIgnoredFile", df, LintConfig.defaults(), ctx));
        assertEquals(List.of(), Lint.positions("CopyIgnoredFile", df.substring(df.indexOf('\n') + 1),
            LintConfig.defaults(), ctx), "experimental: off without the check directive");
    }

    @Test
    void shellCheckFindingsLandOnTheDockerfileLineAndColumn() {
        Path sc = ShellCheck.find();
        assumeTrue(sc != null, "shellcheck is not installed (apt-get install shellcheck)");
        String df = "FROM debian:12\nARG dir=/d\nRUN echo start && \\\n    rm -rf $dir/tmp\nRUN <<EOF\nfor f in $(ls); do echo $f; done\nEOF\n"
            + "RUN echo \"$undeclared\"\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $x\n";
        FileResult r = new Linter(LintConfig.defaults(), Checks.all(sc), Map.of()).lint("Dockerfile", df, null);
        List<String> sc2086 = r.findings().stream().filter(f -> f.rule().startsWith("SC"))
            .map(f -> f.rule() + "@" + Lint.where(f)).toList();
        assertEquals(List.of("SC2086@4:12", "SC2045@6:10", "SC2086@6:25", "SC2154@8:11"), sc2086);
        Finding first = r.findings().stream().filter(f -> f.rule().equals("SC2086")).findFirst().orElseThrow();
        assertEquals("Double quote to prevent globbing and word splitting.", first.message());
        assertEquals(dev.estiba.lint.Severity.INFO, first.severity());
    }
}
