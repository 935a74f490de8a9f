package dev.estiba.lint;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.estiba.lint.fix.Fixer;
import dev.estiba.lint.rules.Checks;
import dev.estiba.lint.shell.Script;
import dev.estiba.lint.shell.ShellSyntaxException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary Dockerfiles and scripts: the linter and the shell parser fail only in their documented ways. */
class LintRobustnessTest {
    private static final List<String> PIECES = List.of("FROM ", "from ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ",
        "EXPOSE ", "USER ", "WORKDIR ", "CMD ", "ENTRYPOINT ", "SHELL ", "HEALTHCHECK ", "ONBUILD ", "MAINTAINER ",
        "alpine:3", " AS ", "b", "$X", "${Y:-z}", "--from=b ", "--platform=$TARGETPLATFORM ", "--mount=type=cache,target=/c ",
        "apt-get install ", "pip install ", "npm install ", "apk add ", "x=1 ", "'q ", "\"d ", "\\\n", "\n", " && ", " | ",
        "; ", "(", ")", "{ ", " }", "<<EOF\n", "EOF\n", "# hadolint ignore=DL3003\n", "# check=skip=all\n", "[\"a\", \"b\"]",
        "`x`", "$(y)", "80/TCP ", "cd /x ", "sudo ", "wget ", "curl ", "if ", "then ", "fi ", "case ", "esac ", ";;", "\t");

    @Provide
    Arbitrary<String> dockerfiles() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void lintNeverThrows(@ForAll("dockerfiles") String text) {
        FileResult r = new Linter(LintConfig.defaults(), Checks.all(null), Map.of()).lint("Dockerfile", text, null);
        assertNotNull(r.findings());
    }

    @Property(tries = 300)
    void fixerKeepsAParsingFileParsing(@ForAll("dockerfiles") String text) {
        String fixed;
        try {
            fixed = Fixer.fix("Dockerfile", text);
        } catch (dev.estiba.grammar.DockerfileParseException notADockerfile) {
            return;
        }
        dev.estiba.grammar.DockerfileParser.parse("Dockerfile", fixed);
    }

    @Property(tries = 500)
    void shellParserThrowsOnlySyntaxErrors(@ForAll("dockerfiles") String script) {
        try {
            assertNotNull(Script.parse(script).commands());
        } catch (ShellSyntaxException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
