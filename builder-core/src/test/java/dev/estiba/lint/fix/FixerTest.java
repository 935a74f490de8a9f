package dev.estiba.lint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.grammar.DockerfileParser;
import dev.estiba.lint.CorpusLintTest;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.Linter;
import dev.estiba.lint.rules.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FixerTest {

    static Stream<Arguments> fixes() {
        return Stream.of(
            Arguments.of("FROM alpine:3 as build\nrun make # keep\n", "FROM alpine:3 AS build\nRUN make # keep\n"),
            Arguments.of("from alpine:3 AS build\nrun a\n", "from alpine:3 as build\nrun a\n"),
            Arguments.of("FROM alpine:3 AS Build\nFROM Build\nCOPY --from=Build /a /b\nRUN --mount=type=bind,from=Build,target=/x ls\n",
                "FROM alpine:3 AS build\nFROM build\nCOPY --from=build /a /b\nRUN --mount=type=bind,from=build,target=/x ls\n"),
            Arguments.of("FROM alpine:3\nENV A 1\nENV B two words\nLABEL k v\n", "FROM alpine:3\nENV A=1\nENV B=\"two words\"\nLABEL k=v\n"),
            Arguments.of("FROM alpine:3\nENV A \"quoted\"\nENV B one \\\n  two\n", "FROM alpine:3\nENV A \"quoted\"\nENV B one \\\n  two\n"),
            Arguments.of("FROM alpine:3\n# who\nMAINTAINER Jane <jane@x.org>\n",
                "FROM alpine:3\n# who\nLABEL org.opencontainers.image.authors=\"Jane <jane@x.org>\"\n"),
            Arguments.of("FROM --platform=$TARGETPLATFORM alpine:3\nFROM  --platform=${TARGETPLATFORM}   alpine:3 AS b\n",
                "FROM alpine:3\nFROM  alpine:3 AS b\n"),
            Arguments.of("FROM alpine:3\nRUN echo ok\n", "FROM alpine:3\nRUN echo ok\n"));
    }

    @ParameterizedTest
    @MethodSource
    void fixes(String before, String after) {
        String fixed = Fixer.fix("Dockerfile", before);
        assertEquals(after, fixed);
        assertEquals(fixed, Fixer.fix("Dockerfile", fixed), "idempotent");
    }

    @Test
    void diff() {
        String before = "FROM alpine:3 as b\nRUN a\nenv A 1\nRUN b\n";
        assertEquals("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1 +1,1 @@\n-FROM alpine:3 as b\n+FROM alpine:3 AS b\n"
            + "@@ -3,1 +3,1 @@\n-env A 1\n+ENV A=1\n", UnifiedDiff.of("Dockerfile", before, Fixer.fix("Dockerfile", before)));
        assertEquals("", UnifiedDiff.of("Dockerfile", "x\n", "x\n"));
    }

    static final Set<String> FIXED = Set.of("ConsistentInstructionCasing", "FromAsCasing", "RedundantTargetPlatform");

    @Test
    void corpusFixIsIdempotentParsesAndLeavesNoFixedFindings() throws IOException {
        Path corpus = CorpusLintTest.corpus();
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus), "corpus not found at ../shared/corpus/dockerfiles");
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv") && !p.toString().endsWith(".md"))
                .sorted().toList();
        }
        Linter linter = new Linter(LintConfig.defaults(), Checks.all(null), Map.of());
        int changed = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            try {
                DockerfileParser.parse(f.toString(), text);
            } catch (RuntimeException notADockerfile) {
                continue; // templates
            }
            String fixed = Fixer.fix(f.toString(), text);
            assertEquals(fixed, Fixer.fix(f.toString(), fixed), f + " idempotent");
            assertEquals(text.lines().count(), fixed.lines().count(), f + " keeps lines");
            FileResult r = linter.lint(f.toString(), fixed, null);
            List<String> left = r.findings().stream().filter(x -> FIXED.contains(x.rule()) || x.rule().equals("DL1000"))
                .map(x -> x.rule() + "@" + x.range().line()).toList();
            assertEquals(List.of(), left, f.toString());
            changed += fixed.equals(text) ? 0 : 1;
        }
        System.out.println("fix: " + changed + " corpus files changed");
    }
}
