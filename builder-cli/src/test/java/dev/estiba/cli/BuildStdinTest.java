package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code estiba build -}: a context tar or a Dockerfile alone on standard input; {@code -f -}. */
class BuildStdinTest {
    @TempDir
    Path tmp;

    static final String DOCKERFILE = "FROM scratch\nCOPY app/ /app/\nCOPY top.txt /\n";

    /** A tar of name/content pairs. */
    static byte[] tar(String... pairs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < pairs.length; i += 2) {
                byte[] data = pairs[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(pairs[i]);
                e.setMode(0100644);
                e.setSize(data.length);
                out.putArchiveEntry(e);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    EstibaCommandTest.Run build(byte[] stdin, String... args) {
        CommandLine cl = Estiba.commandLine();
        BuildCommand build = cl.getSubcommands().get("build").getCommand();
        build.stdin = new ByteArrayInputStream(stdin);
        String[] all = Stream.concat(Stream.of("build", "--cache-dir", tmp.resolve("cache").toString(), "--progress",
            "plain"), Stream.of(args)).toArray(String[]::new);
        return EstibaCommandTest.run(cl, all);
    }

    /** The files of a {@code type=local} output, as {@code path=content} (directories as {@code path/}). */
    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).sorted().map(p -> {
                String rel = root.relativize(p).toString();
                try {
                    return Files.isDirectory(p) ? rel + "/" : rel + "=" + Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    List<String> leftInTmp() throws IOException {
        Path t = tmp.resolve("cache/tmp");
        if (!Files.isDirectory(t)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(t)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aPlainOrCompressedTarOnStdinIsTheContext() throws Exception {
        byte[] plain = tar("Dockerfile", DOCKERFILE, "app/a.txt", "a\n", "top.txt", "top\n");
        record Case(String name, UnaryOperator<byte[]> shape) {
        }
        for (Case c : List.of(new Case("plain", b -> b), new Case("gzip", b -> {
            try {
                return gzip(b);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }))) {
            Path out = tmp.resolve("out-" + c.name());
            EstibaCommandTest.Run r = build(c.shape().apply(plain), "--output", "type=local,dest=" + out, "-");
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            assertTrue(r.out().startsWith("sha256:"), r.out());
            assertEquals(List.of("app/", "app/a.txt=a\n", "top.txt=top\n"), tree(out), c.name());
            assertEquals(List.of(), leftInTmp(), "the unpacked context is removed after the build");
        }
    }

    @Test
    void dashFMayNameADockerfileOutsideThePipedContext() throws Exception {
        Path df = Files.writeString(tmp.resolve("elsewhere.Dockerfile"), "FROM scratch\nCOPY top.txt /moved.txt\n");
        Path out = tmp.resolve("out");
        EstibaCommandTest.Run r = build(tar("top.txt", "top\n"), "-f", df.toString(), "--output",
            "type=local,dest=" + out, "-");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(List.of("moved.txt=top\n"), tree(out));
    }

    @Test
    void aDockerfileAloneOnStdinBuildsWithAnEmptyContext() throws Exception {
        String dockerfile = "FROM scratch\nCOPY . /ctx/\n";
        Path out = tmp.resolve("out");
        EstibaCommandTest.Run r = build(dockerfile.getBytes(StandardCharsets.UTF_8), "--output",
            "type=local,dest=" + out, "-");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        // As with buildx, the context is empty: the Dockerfile is not in it.
        assertEquals(List.of("ctx/"), tree(out));
        EstibaCommandTest.Run missing = build("FROM scratch\nCOPY Dockerfile /\n".getBytes(StandardCharsets.UTF_8),
            "-");
        assertEquals(ExitCodes.FINDINGS, missing.exit(), missing.err());
        assertTrue(missing.err().contains("Dockerfile:2: COPY failed: \"Dockerfile\": not found in the build context"),
            missing.err());
        assertEquals(List.of(), leftInTmp());
    }

    @Test
    void dashFDashReadsTheDockerfileFromStdinWithADirectoryContext() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("top.txt"), "top\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY top.txt /not-this-one\n");
        Path out = tmp.resolve("out");
        EstibaCommandTest.Run r = build("FROM scratch\nCOPY top.txt /from-stdin\n".getBytes(StandardCharsets.UTF_8),
            "-f", "-", "--output", "type=local,dest=" + out, ctx.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(List.of("from-stdin=top\n"), tree(out));
    }

    @Test
    void badStdinInputIsAUsageErrorWithDockersWords() throws Exception {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        record Case(byte[] stdin, List<String> args, String message) {
        }
        List<Case> cases = List.of(
            new Case(tar("Dockerfile", "FROM scratch\n"), List.of("-f", "-", "-"),
                "estiba build: invalid argument: can't use stdin for both build context and dockerfile"),
            new Case("FROM scratch\n".getBytes(StandardCharsets.UTF_8), List.of("-f", df.toString(), "-"),
                "estiba build: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles"),
            new Case(tar("../escape.txt", "x"), List.of("-"),
                "estiba build: tar entry \"../escape.txt\" points outside the context"),
            new Case(gzip("not a tar at all".getBytes(StandardCharsets.UTF_8)), List.of("-"),
                "estiba build: the build context on standard input is not a tar archive"));
        for (Case c : cases) {
            Path out = tmp.resolve("never");
            List<String> args = new java.util.ArrayList<>(List.of("--output", "type=local,dest=" + out));
            args.addAll(c.args());
            EstibaCommandTest.Run r = build(c.stdin(), args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.exit(), r.err());
            assertEquals(c.message(), r.err().strip());
            assertFalse(Files.exists(out));
            assertEquals(List.of(), leftInTmp());
        }
    }
}
