package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    static final String DOCKERFILE = """
        # VERSION is the Alpine release
        ARG VERSION=3.19

        # build makes the app
        FROM alpine:${VERSION} AS build
        ARG NAME=app
        ENV OUT=/out/$NAME
        RUN make $OUT

        FROM scratch AS final
        COPY --from=build /out /
        """;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void textShowsStagesStepsAndScope() throws IOException {
        write(DOCKERFILE);
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "--platform", "linux/amd64", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Target:     final (stage 1)"), r.out());
        assertTrue(r.out().contains("      5: FROM alpine:3.19 (image environment not known)"), r.out());
        assertTrue(r.out().contains("      7: ENV OUT=/out/app"), r.out());
        assertTrue(r.out().contains("      8: RUN make $OUT"), r.out());
        assertTrue(r.out().contains("  VERSION=3.19  default 3.19  # is the Alpine release"), r.out());
        assertTrue(r.out().contains("  build  makes the app"), r.out());
    }

    @Test
    void jsonWithBuildArgsAndTarget() throws IOException {
        Path f = write(DOCKERFILE);
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "-f", f.toString(), "--format", "json",
            "--build-arg", "NAME=tool", "--build-arg", "EXTRA=1", "--target", "build", "--platform", "linux/arm64");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("build", root.get("target").asText());
        assertEquals("linux/arm64", root.get("platform").get("target").asText());
        JsonNode stages = root.get("stages");
        assertEquals(false, stages.get(0).get("pruned").asBoolean());
        assertEquals(true, stages.get(1).get("pruned").asBoolean());
        JsonNode env = stages.get(0).get("steps").get(1);
        assertEquals("ENV OUT=/out/tool", env.get("text").asText());
        assertEquals("tool", env.get("args").get("NAME").asText());
        assertEquals("/out/tool", env.get("arguments").get("OUT").asText());
        assertEquals("EXTRA", root.get("buildArgs").get(1).get("name").asText());
        assertEquals(false, root.get("buildArgs").get(1).get("consumed").asBoolean());
        assertEquals("one or more build-args [EXTRA] were not consumed", root.get("warnings").get(0).asText());
        assertEquals("makes the app", root.get("outline").get("targets").get(0).get("description").asText());
    }

    @Test
    void expansionErrorNamesTheLine() throws IOException {
        Path f = write("FROM alpine\nWORKDIR ${DIR:?set DIR}\n");
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "-f", f.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(f + ":2: failed to process \"${DIR:?set DIR}\": DIR: set DIR\n", r.err());
    }

    @Test
    void unknownTargetListsStages() throws IOException {
        write(DOCKERFILE);
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "--target", "test", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("target stage \"test\" could not be found; stages: build, final\n", r.err());
    }

    @Test
    void badFlagIsRefusedAtItsLine() throws IOException {
        Path f = write("FROM alpine\nCOPY --chmod=888 a b\n");
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "-f", f.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().startsWith(f + ":2: invalid --chmod value \"888\""), r.err());
    }

    @Test
    void missingDockerfile() {
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("estiba plan: " + dir.resolve("Dockerfile") + ": no such file\n", r.err());
    }

    @Test
    void badPlatform() throws IOException {
        write(DOCKERFILE);
        EstibaCommandTest.Run r = EstibaCommandTest.run("plan", "--platform", "linux//x", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("estiba plan: invalid platform \"linux//x\": expected os/arch[/variant]\n", r.err());
    }
}
