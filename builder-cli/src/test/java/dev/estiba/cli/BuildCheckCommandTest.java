package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCheckCommandTest {
    @TempDir
    Path tmp;

    static final String BODY = "FROM scratch as base\nCOPY a.txt /a.txt\nCMD echo hi\n";
    static final String AS_CASING = "'as' and 'FROM' keywords' casing do not match; write 'AS'.";
    static final String JSON_ARGS = "JSON arguments recommended for CMD so that OS signals reach the process: "
        + "CMD [\"executable\", \"arg\"].";

    EstibaCommandTest.Run build(String dockerfile, String... flags) throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "a");
        Files.writeString(tmp.resolve("Dockerfile"), dockerfile);
        List<String> args = new java.util.ArrayList<>(List.of("build", "--cache-dir", tmp.resolve("cache").toString(),
            "--output", "type=oci,dest=" + tmp.resolve("out")));
        args.addAll(List.of(flags));
        args.add(tmp.toString());
        return EstibaCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void plainProgressListsTheWarningsBeforeTheSteps() throws IOException {
        EstibaCommandTest.Run r = build(BODY, "--progress", "plain");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().startsWith("2 warnings found (use estiba build --check to expand):\n"
            + " - FromAsCasing: " + AS_CASING + " (line 1)\n"
            + " - JSONArgsRecommended: " + JSON_ARGS + " (line 3)\n"
            + "#1 [base 1/3] FROM scratch\n"), r.err());
        assertTrue(Files.isDirectory(tmp.resolve("out")));
    }

    @Test
    void jsonProgressGivesOneCheckEventPerFinding() throws IOException {
        EstibaCommandTest.Run r = build(BODY, "--progress", "json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("{\"event\":\"check\",\"rule\":\"FromAsCasing\",\"level\":\"warning\",\"message\":\""
            + AS_CASING + "\",\"url\":\"https://docs.docker.com/reference/build-checks/from-as-casing/\","
            + "\"file\":\"Dockerfile\",\"line\":1,\"column\":14}", lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"event\":\"check\",\"rule\":\"JSONArgsRecommended\",\"level\":\"warning\","),
            lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"event\":\"step-started\","), lines.get(2));
    }

    @Test
    void checkPrintsTheFindingsBuildsNothingAndExitsOne() throws IOException {
        EstibaCommandTest.Run r = build(BODY, "--check");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertEquals("""
            Check complete, 2 warnings have been found!

            WARNING: FromAsCasing - https://docs.docker.com/reference/build-checks/from-as-casing/
            %s
            Dockerfile:1
            --------------------
               1 | >>> FROM scratch as base
            --------------------

            WARNING: JSONArgsRecommended - https://docs.docker.com/reference/build-checks/jsonargs-recommended/
            %s
            Dockerfile:3
            --------------------
               3 | >>> CMD echo hi
            --------------------
            """.formatted(AS_CASING, JSON_ARGS), r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    @Test
    void checkWithNothingFoundExitsZero() throws IOException {
        EstibaCommandTest.Run r = build("# check=skip=FromAsCasing,JSONArgsRecommended\n" + BODY, "--check");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("Check complete, no warnings found.\n", r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void errorTrueFailsWithTheRulesNamedAndNoOutput() throws IOException {
        EstibaCommandTest.Run r = build("# check=error=true\n" + BODY, "--progress", "plain");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.err().startsWith("2 warnings found (use estiba build --check to expand):\n"
            + " - FromAsCasing: " + AS_CASING + " (line 2)\n"), r.err());
        assertTrue(r.err().contains("lint violation found for rules: FromAsCasing, JSONArgsRecommended"), r.err());
        assertFalse(r.err().contains("#1 "), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void skipAllSilencesTheChecks() throws IOException {
        EstibaCommandTest.Run r = build("# check=skip=all\n" + BODY, "--progress", "plain");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().startsWith("#1 [base 1/3] FROM scratch\n"), r.err());
    }
}
