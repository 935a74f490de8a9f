package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estiba.cli.EstibaCommandTest.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
    @TempDir
    Path dir;

    Run run(String stdin, String... args) {
        CommandLine cl = Estiba.commandLine();
        LintCommand cmd = new LintCommand();
        cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine replaced = new CommandLine(cmd);
        replaced.setExitCodeExceptionMapper(ExitCodes::forException);
        replaced.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        replaced.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        return EstibaCommandTest.run(replaced, args);
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void textReportAndExitOne() throws IOException {
        Path df = file("Dockerfile", "FROM debian\nRUN cd /tmp\n");
        Run r = run("", "--no-shellcheck", "--no-color", df.toString());
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertEquals(df + ":1:6 DL3006 warning: Tag the image version explicitly: debian:<version>.\n"
            + "  FROM debian\n       ^\n"
            + df + ":2:5 DL3003 warning: Use WORKDIR to change directory instead of cd.\n"
            + "  RUN cd /tmp\n      ^\n", r.out());
    }

    @Test
    void cleanFileExitsZero() throws IOException {
        Path df = file("Dockerfile", "FROM debian:12\nUSER 1000\nCMD [\"true\"]\n");
        Run r = run("", "--no-shellcheck", df.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out());
        assertEquals("", r.out());
    }

    @Test
    void thresholdNoFailAndSeverityFlags() throws IOException {
        Path df = file("Dockerfile", "FROM debian:12\nRUN cd /tmp\n");
        assertEquals(ExitCodes.OK, run("", "--no-shellcheck", "-t", "error", df.toString()).exit());
        assertEquals(ExitCodes.FINDINGS, run("", "--no-shellcheck", "-t", "error", "--error", "DL3003", df.toString()).exit());
        assertEquals(ExitCodes.OK, run("", "--no-shellcheck", "--no-fail", df.toString()).exit());
        assertEquals(ExitCodes.OK, run("", "--no-shellcheck", "--ignore", "DL3003", df.toString()).exit());
        Run styled = run("", "--no-shellcheck", "--style", "DL3003", "-f", "json", df.toString());
        assertEquals(ExitCodes.OK, styled.exit());
        assertTrue(styled.out().contains("\"level\" : \"style\""), styled.out());
    }

    @Test
    void stdinGlobsAndJson() throws IOException {
        file("a/Dockerfile", "FROM debian\n");
        file("b/Dockerfile", "FROM alpine:latest\n");
        Run r = run("FROM ubuntu\n", "--no-shellcheck", "-f", "json", dir + "/*/Dockerfile", "-");
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertEquals(3, a.size());
        assertEquals(dir.resolve("a/Dockerfile").toString(), a.get(0).get("file").asText());
        assertEquals("DL3007", a.get(1).get("code").asText());
        assertEquals("-", a.get(2).get("file").asText());
        assertEquals(ExitCodes.FINDINGS, r.exit());
    }

    @Test
    void parseErrorIsAFindingAndExitsTwo() throws IOException {
        Path df = file("Dockerfile", "FROM debian:12\nRUNN x\n");
        Run r = run("", "--no-shellcheck", "-f", "github", df.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.out().startsWith("::error file=" + df + ",line=2,col=1,"), r.out());
        assertTrue(r.out().contains("title=DL1000::DL1000 unknown instruction: RUNN"), r.out());
    }

    @Test
    void configFileAndBadInput() throws IOException {
        Path df = file("Dockerfile", "FROM quay.io/x/y:1\n");
        Path cfg = file("lint.yaml", "trustedRegistries: [docker.io]\nfailure-threshold: error\n");
        Run r = run("", "--no-shellcheck", "--config", cfg.toString(), "-f", "checkstyle", df.toString());
        assertEquals(ExitCodes.FINDINGS, r.exit());
        assertTrue(r.out().contains("source=\"DL3026\""), r.out());
        Run missing = run("", dir.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertEquals("estiba lint: " + dir.resolve("nope") + ": no such file\n", missing.err());
        Path bad = file("bad.yaml", "failure-threshold: loud\n");
        Run badCfg = run("", "--config", bad.toString(), df.toString());
        assertEquals(ExitCodes.USAGE, badCfg.exit());
        assertTrue(badCfg.err().contains("unknown severity 'loud'"), badCfg.err());
        assertEquals(ExitCodes.USAGE, run("", "-f", "yaml", df.toString()).exit());
    }

    @Test
    void fixAndDryRun() throws IOException {
        String before = "FROM alpine:3.20 as build\nENV A 1\nUSER 1000\nCMD [\"true\"]\n";
        Path df = file("Dockerfile", before);
        Run dry = run("", "--no-shellcheck", "--fix", "--dry-run", df.toString());
        assertEquals(ExitCodes.OK, dry.exit());
        assertEquals("--- a/" + df + "\n+++ b/" + df + "\n@@ -1,2 +1,2 @@\n-FROM alpine:3.20 as build\n-ENV A 1\n"
            + "+FROM alpine:3.20 AS build\n+ENV A=1\n", dry.out());
        assertEquals(before, Files.readString(df), "dry run writes nothing");
        Run fixed = run("", "--no-shellcheck", "--fix", df.toString());
        assertEquals(ExitCodes.OK, fixed.exit(), fixed.out());
        assertEquals("FROM alpine:3.20 AS build\nENV A=1\nUSER 1000\nCMD [\"true\"]\n", Files.readString(df));
        assertEquals(ExitCodes.USAGE, run("", "--dry-run", df.toString()).exit());
    }

    @Test
    void registeredInEstiba() {
        assertTrue(Estiba.commandLine().getSubcommands().containsKey("lint"));
    }
}
