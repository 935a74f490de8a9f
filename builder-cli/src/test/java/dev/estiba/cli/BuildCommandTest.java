package dev.estiba.cli;

import dev.estiba.testing.RepoRoot;
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
        return RepoRoot.path();
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
    void anUnknownIsolationIsAUsageErrorNamingTheChoices() throws IOException {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", tmp.resolve("cache").toString(),
            "--isolation", "vm", tmp.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("estiba build: unknown isolation 'vm' (expected auto, runc, crun or chroot)\n", r.err());
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

    @Test
    void jsonAndTtyProgressAndExplainCache() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "a");
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /\n");
        String cache = tmp.resolve("cache").toString();
        EstibaCommandTest.Run json = EstibaCommandTest.run("build", "--cache-dir", cache, "--progress", "json",
            tmp.toString());
        assertEquals(ExitCodes.OK, json.exit(), json.err());
        List<String> lines = json.err().lines().toList();
        assertEquals("{\"event\":\"step-started\",\"id\":1,\"stage\":\"stage-0\",\"position\":1,\"total\":2,"
            + "\"text\":\"FROM scratch\"}", lines.get(0));
        assertTrue(lines.get(3).startsWith("{\"event\":\"step-done\",\"id\":2,\"cached\":false,"), lines.get(3));
        assertTrue(lines.get(3).endsWith("\"cache\":[\"cache miss: no earlier result for this instruction after the "
            + "same earlier steps\"]}"), lines.get(3));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"event\":\"finished\",\"manifest\":\"sha256:"));

        Files.writeString(tmp.resolve("a.txt"), "b");
        EstibaCommandTest.Run explain = EstibaCommandTest.run("build", "--cache-dir", cache, "--progress", "plain",
            "--explain-cache", tmp.toString());
        assertTrue(explain.err().contains("#2 [stage-0 2/2] COPY a.txt /\n#2 DONE "), explain.err());
        assertTrue(explain.err().contains("#2 cache miss: sources changed\n#2   a.txt: content changed\n"), explain.err());

        EstibaCommandTest.Run tty = EstibaCommandTest.run("build", "--cache-dir", cache, "--progress", "tty",
            tmp.toString());
        assertTrue(tty.err().contains("\033[2K => [stage-0 2/2] COPY a.txt /  CACHED\n"), tty.err());
    }

    @Test
    void badSecretSshAndIsolationFlagsAreUsageErrors() throws IOException {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        String cache = tmp.resolve("cache").toString();
        String[][] cases = {
            {"--build-arg", "=x", "estiba build: --build-arg =x: the name is empty\n"},
            {"--build-arg", "", "estiba build: --build-arg : the name is empty\n"},
            {"--secret", "id=a,type=vault", "estiba build: --secret id=a,type=vault: unsupported secret type \"vault\" "
                + "(file or env)\n"},
            {"--ssh", "default=" + tmp.resolve("Dockerfile"), "estiba build: --ssh default=" + tmp.resolve("Dockerfile")
                + ": " + tmp.resolve("Dockerfile") + " is not a socket: estiba forwards an agent's socket (start "
                + "ssh-agent and add the key with ssh-add); key files are not supported\n"},
        };
        for (String[] c : cases) {
            EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", cache, c[0], c[1], tmp.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.err());
            assertEquals(c[2], r.err());
        }
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", cache, "--isolation", "lxc",
            tmp.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("estiba build: "), r.err());
    }
}
