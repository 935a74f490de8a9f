package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estiba.cli.EstibaCommandTest.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

    @TempDir
    Path dir;

    private static Run run(String stdin, String... args) {
        CommandLine cl = Estiba.commandLine();
        ParseCommand parse = cl.getSubcommands().get("parse").getCommand();
        parse.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return EstibaCommandTest.run(cl, args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void buildkitDumpOfAFile() throws IOException {
        Path f = file("Dockerfile", "FROM a AS b\nRUN --mount=type=cache,target=/x echo \\\n  hi\nCMD [\"x\"]\n");
        Run r = run("", "parse", "--format", "buildkit", f.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("(from \"a\" \"AS\" \"b\")\n(run [\"--mount=type=cache,target=/x\"] \"echo   hi\")\n(cmd \"x\")\n",
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void standardInputIsADash() {
        Run r = run("from scratch\n", "parse", "--format=buildkit", "-");
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("(from \"scratch\")\n", r.out());
    }

    @Test
    void treeIsTheDefaultFormat() {
        Run r = run("# escape=`\nFROM a\nRUN echo `\n  hi\n", "parse", "-");
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("""
                -  escape=`  instructions=2  @2:1-4:5
                  directive escape=`  @1:1-1:11
                  FROM  @2:1-2:7
                    words "a"  @2:6-2:7
                  RUN  @3:1-4:5
                    shell "echo   hi"  @3:5-4:5
                """, r.out());
    }

    @Test
    void jsonFollowsTheDocumentedShape() throws IOException {
        Run r = run("FROM a\nCOPY --from=a <<EOF /x\nhi\nEOF\n", "parse", "--format", "json", "-");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("-", root.get("file").asText());
        JsonNode copy = root.get("instructions").get(1);
        assertEquals("COPY", copy.get("keyword").asText());
        assertEquals("from", copy.get("flags").get(0).get("name").asText());
        assertEquals("a", copy.get("flags").get(0).get("value").asText());
        assertEquals("words", copy.get("arguments").get("kind").asText());
        assertEquals("hi\n", copy.get("heredocs").get(0).get("body").asText());
        assertEquals(2, copy.get("range").get("start").get("line").asInt());
        assertEquals(4, copy.get("range").get("end").get("line").asInt());
    }

    @Test
    void parseErrorIsFileLineColumnWithTheLineAndACaret() throws IOException {
        Path f = file("Dockerfile", "FROM a\n  RUNN echo\n");
        Run r = run("", "parse", f.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("", r.out());
        assertEquals(f + ":2:3: unknown instruction: RUNN (did you mean RUN?)\n  RUNN echo\n  ^\n", r.err());
    }

    @Test
    void missingFileIsAnInputError() {
        Run r = run("", "parse", dir.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals(dir.resolve("nope") + ": no such file\n", r.err());
    }

    @Test
    void severalFilesGoodOnesPrintedBadOnesReported() throws IOException {
        Path good = file("good", "FROM a\n");
        Path bad = file("bad", "");
        Run r = run("", "parse", "--format", "buildkit", good.toString(), bad.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("==> " + good + " <==\n(from \"a\")\n", r.out());
        assertEquals(bad + ":1:1: file with no instructions\n", r.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run("", "parse", "--format", "yaml", "-");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void theReadmeExampleParses() {
        Path example = Path.of(System.getProperty("estiba.repo.root", "..")).resolve(
                "testdata/parse/multi-stage.Dockerfile");
        Run r = run("", "parse", "--format", "buildkit", example.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(21, r.out().lines().count());
        assertTrue(r.out().contains("(copy [\"--chmod=0644\"] \"<<-\\\"CONFIG\\\"\" \"/etc/server/config.toml\")\n"),
                r.out());
    }

    @Test
    void theDocumentedJsonExampleIsWhatParsePrints() throws IOException {
        Path docs = Path.of(System.getProperty("estiba.repo.root", "..")).resolve("docs/parse");
        Run r = run("", "parse", "--format", "json", docs.resolve("example.Dockerfile").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode printed =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(r.out());
        printed.put("file", "docs/parse/example.Dockerfile");
        assertEquals(json.readTree(docs.resolve("example.json").toFile()), printed,
                "docs/parse/example.json is stale: regenerate it with "
                        + "bin/estiba parse --format json docs/parse/example.Dockerfile");
    }

    @Test
    void invalidUtf8IsKeptInTheDumpAndReplacedInJson() {
        CommandLine cl = Estiba.commandLine();
        ParseCommand parse = cl.getSubcommands().get("parse").getCommand();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        parse.stdin = new ByteArrayInputStream(new byte[] {'R', 'U', 'N', ' ', (byte) 0xff, 'x', '\n'});
        assertEquals(ExitCodes.OK, cl.execute("parse", "--format", "buildkit", "-"));
        assertEquals("(run \"\\xffx\")\n", out.toString());
        out.getBuffer().setLength(0);
        parse.stdin = new ByteArrayInputStream(new byte[] {'R', 'U', 'N', ' ', (byte) 0xff, 'x', '\n'});
        assertEquals(ExitCodes.OK, cl.execute("parse", "--format", "json", "-"));
        assertTrue(out.toString().contains("\"line\" : \"RUN \uFFFDx\""), out.toString());
    }
}
