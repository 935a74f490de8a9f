package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.lint.Finding;
import dev.estiba.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildChecksTest {
    @TempDir
    Path tmp;

    static final String BODY = "FROM scratch as base\nCOPY a.txt /a.txt\nCMD echo hi\n";
    static final String AS_CASING = "FromAsCasing 1:14 warning 'as' and 'FROM' keywords' casing do not match; write 'AS'.";
    static final String JSON_ARGS = "JSONArgsRecommended 3:5 warning JSON arguments recommended for CMD so that OS "
        + "signals reach the process: CMD [\"executable\", \"arg\"].";

    final List<BuildEvent> events = new ArrayList<>();

    Build build(String directive) throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "a");
        Files.writeString(tmp.resolve("Dockerfile"), directive + BODY);
        return Build.dockerfile(tmp.resolve("Dockerfile")).context(tmp).cacheDir(tmp.resolve("cache"))
            .listener(events::add).output(Output.parse("type=oci,dest=" + tmp.resolve("out")));
    }

    static List<String> shown(List<Finding> findings, int lineShift) {
        return findings.stream().map(f -> f.rule() + " " + (f.range().line() - lineShift) + ":" + f.range().column()
            + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + f.message()).toList();
    }

    @Test
    void warningsAreReportedBeforeTheFirstStepAndReturnedInTheResult() throws Exception {
        BuildResult r = build("").run();
        assertEquals(List.of(AS_CASING, JSON_ARGS), shown(r.checks(), 0));
        BuildEvent.Checks first = assertInstanceOf(BuildEvent.Checks.class, events.get(0));
        assertEquals("Dockerfile", first.file());
        assertEquals(r.checks(), first.findings());
        assertInstanceOf(BuildEvent.StepStarted.class, events.get(1));
        assertEquals(1, events.stream().filter(e -> e instanceof BuildEvent.Checks).count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# check=skip=FromAsCasing|JSONArgsRecommended",
        "# check=skip=JSONArgsRecommended,FromAsCasing|''",
        "# check=skip=all|''",
        "# check=skip=all;experimental=FromAsCasing|FromAsCasing",
        "# check=experimental=all|FromAsCasing,JSONArgsRecommended",
    })
    void theCheckDirectiveSkipsRules(String directive, String rules) throws Exception {
        BuildResult r = build(directive + "\n").run();
        assertEquals(rules, String.join(",", r.checks().stream().map(Finding::rule).toList()));
        assertEquals(rules.isEmpty(), events.stream().noneMatch(e -> e instanceof BuildEvent.Checks));
    }

    @Test
    void errorTrueFailsTheBuildBeforeAnyStepAndWritesNothing() throws Exception {
        Build b = build("# check=error=true\n");
        BuildException e = assertThrows(BuildException.class, b::run);
        assertEquals("lint violation found for rules: FromAsCasing, JSONArgsRecommended", e.getMessage());
        BuildEvent.Checks c = assertInstanceOf(BuildEvent.Checks.class, events.get(0));
        assertEquals(List.of(Severity.ERROR, Severity.ERROR), c.findings().stream().map(Finding::severity).toList());
        assertEquals(1, events.size());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void errorTrueWithNothingFoundBuilds() throws Exception {
        BuildResult r = build("# check=error=true;skip=FromAsCasing,JSONArgsRecommended\n").run();
        assertEquals(List.of(), r.checks());
        assertEquals(true, Files.isDirectory(tmp.resolve("out")));
    }

    @Test
    void checkLintsWithoutBuilding() throws Exception {
        Build b = build("");
        assertEquals(List.of(AS_CASING, JSON_ARGS), shown(b.check().findings(), 0));
        assertEquals(List.of(), events);
        assertFalse(Files.exists(tmp.resolve("cache")));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void hadolintRulesDoNotRunInABuild() throws Exception {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM debian\nRUN apt-get install curl\n");
        assertEquals(List.of(), Build.dockerfile(tmp.resolve("Dockerfile")).context(tmp).check().findings());
    }

    @Test
    void aMalformedCheckDirectiveFailsTheBuild() throws Exception {
        Build b = build("# check=skip=FromAsCasing;color=true\n");
        BuildException e = assertThrows(BuildException.class, b::check);
        assertEquals("Dockerfile:1: invalid check option 'color'", e.getMessage());
        assertThrows(BuildException.class, b::run);
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
