package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    @TempDir
    Path tmp;

    static Path repoRoot() {
        String prop = System.getProperty("estiba.repo.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void theReadmeExampleBuildsTwiceToOneDigestAndPodmanLoadsIt() throws Exception {
        Path hello = repoRoot().resolve("testdata/build/hello");
        Path out = tmp.resolve("hello.tar");
        String cache = tmp.resolve("cache").toString();
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", cache, "--progress", "plain",
            "-t", "hello:1.0", "--output", "type=docker,dest=" + out, "--iidfile", tmp.resolve("iid").toString(),
            hello.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("#2 [assets 2/3] COPY app/ /build/app/\n"), r.err());
        assertTrue(Files.readString(tmp.resolve("iid")).startsWith("sha256:"));
        EstibaCommandTest.Run again = EstibaCommandTest.run("build", "--cache-dir", cache, "--progress", "plain",
            "--explain-cache", "-t", "hello:1.0", hello.toString());
        assertEquals(r.out(), again.out());
        assertTrue(again.err().contains(" CACHED\n"), again.err());
        EstibaCommandTest.Run images = EstibaCommandTest.run("images", "--cache-dir", cache);
        assertTrue(images.out().matches("(?s).*\\nhello +1\\.0 .*"), images.out());

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/podman")), "podman is not installed");
        Path root = tmp.resolve("podman");
        Process p = new ProcessBuilder(List.of("podman", "--root", root.resolve("root").toString(), "--runroot",
            root.resolve("run").toString(), "--storage-driver", "vfs", "load", "-i", out.toString()))
            .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.contains("hello:1.0"), log);
    }

    @Test
    void aMissingSourceFailsWithTheLineShownAndNoOutput() throws IOException {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\nCOPY app.jar /app/\n");
        Path out = tmp.resolve("x.tar");
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", tmp.resolve("cache").toString(),
            "--progress", "plain", "--output", "type=docker,dest=" + out, tmp.toString());
        assertEquals(ExitCodes.FINDINGS, r.exit());
        assertTrue(r.err().contains("Dockerfile:2: COPY failed: \"app.jar\": not found in the build context\n"
            + "    2 | COPY app.jar /app/"), r.err());
        assertTrue(!Files.exists(out));
    }
}
