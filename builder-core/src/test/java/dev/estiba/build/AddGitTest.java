package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD of Git sources, served on 127.0.0.1 by {@code git daemon} (git://) and {@code git http-backend} (smart HTTP). */
class AddGitTest {
    @TempDir
    static Path repos;

    static Process daemon;
    static String base;
    static String v1;

    @TempDir
    Path tmp;

    final List<BuildEvent> events = new ArrayList<>();

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
            "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", "2020-01-01T00:00:00Z");
        pb.environment().put("GIT_COMMITTER_DATE", "2020-01-01T00:00:00Z");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
        return out.strip();
    }

    @BeforeAll
    static void serveARepository() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        Path work = Files.createDirectories(repos.resolve("work"));
        git(work, "init", "-q");
        Files.createDirectories(work.resolve("src/lib"));
        Files.writeString(work.resolve("README"), "readme v1\n");
        Files.writeString(work.resolve("src/main.txt"), "main v1\n");
        Files.writeString(work.resolve("src/lib/a.txt"), "a\n");
        Files.writeString(work.resolve(".dockerignore"), "src\n");
        Files.write(work.resolve("bundle.tar.gz"), gzipTar());
        Files.writeString(work.resolve("run.sh"), "#!/bin/sh\n");
        work.resolve("run.sh").toFile().setExecutable(true, false);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "one");
        git(work, "tag", "-a", "-m", "v1", "v1");
        v1 = git(work, "rev-parse", "HEAD");
        Files.writeString(work.resolve("src/main.txt"), "main v2\n");
        git(work, "commit", "-q", "-am", "two");
        git(repos, "clone", "-q", "--bare", "work", "app.git");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        daemon = new ProcessBuilder("git", "daemon", "--export-all", "--base-path=" + repos, "--listen=127.0.0.1",
            "--port=" + port, "--reuseaddr", "--informative-errors", repos.toString())
            .redirectErrorStream(true).redirectOutput(repos.resolve("daemon.log").toFile()).start();
        for (int i = 0; ; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                assertTrue(daemon.isAlive() && i < 100, "git daemon did not start: "
                    + Files.readString(repos.resolve("daemon.log")));
                Thread.sleep(50);
            }
        }
        base = "git://127.0.0.1:" + port + "/app.git";
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    /** Git's smart HTTP on 127.0.0.1: a server that runs {@code git http-backend} as a CGI per request. */
    static com.sun.net.httpserver.HttpServer smartHttp() throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
                Map<String, String> env = pb.environment();
                env.put("GIT_PROJECT_ROOT", repos.toString());
                env.put("GIT_HTTP_EXPORT_ALL", "1");
                env.put("REQUEST_METHOD", ex.getRequestMethod());
                env.put("PATH_INFO", ex.getRequestURI().getPath());
                String query = ex.getRequestURI().getRawQuery();
                env.put("QUERY_STRING", query == null ? "" : query);
                env.put("REMOTE_ADDR", "127.0.0.1");
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                env.put("CONTENT_TYPE", type == null ? "" : type);
                String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
                if (encoding != null) {
                    env.put("HTTP_CONTENT_ENCODING", encoding);
                }
                String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
                if (protocol != null) {
                    env.put("GIT_PROTOCOL", protocol);
                }
                Process p = pb.start();
                try (var in = ex.getRequestBody(); var to = p.getOutputStream()) {
                    in.transferTo(to);
                }
                byte[] out = p.getInputStream().readAllBytes();
                p.waitFor();
                // CGI: header lines, a blank line, the body.
                int split = 0;
                while (!new String(out, split, 4, StandardCharsets.ISO_8859_1).equals("\r\n\r\n")) {
                    split++;
                }
                int status = 200;
                for (String h : new String(out, 0, split, StandardCharsets.ISO_8859_1).split("\r\n")) {
                    int colon = h.indexOf(':');
                    String key = h.substring(0, colon).trim();
                    String value = h.substring(colon + 1).trim();
                    if (key.equalsIgnoreCase("Status")) {
                        status = Integer.parseInt(value.substring(0, 3));
                    } else {
                        ex.getResponseHeaders().add(key, value);
                    }
                }
                byte[] body = java.util.Arrays.copyOfRange(out, split + 4, out.length);
                ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        server.start();
        return server;
    }

    @Test
    void anHttpUrlEndingInDotGitIsReadThroughSmartHttp() throws Exception {
        var server = smartHttp();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/app.git";
            BuildResult r = build("FROM scratch\nADD " + url + "#v1:src/lib /lib/\n", "cache");
            assertEquals(new TreeMap<>(Map.of("lib", "DIRECTORY 755 0:0 0 ", "lib/a.txt", "FILE 644 0:0 0 a\n")),
                BuildTest.files(r.image()));
        } finally {
            server.stop(0);
        }
    }

    static byte[] gzipTar() throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(b))) {
            var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("inner.txt");
            e.setSize(1);
            out.putArchiveEntry(e);
            out.write('x');
            out.closeArchiveEntry();
        }
        return b.toByteArray();
    }

    BuildResult build(String dockerfile, String cache) throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        events.clear();
        return Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve(cache))
            .listener(events::add).run();
    }

    List<Boolean> cached() {
        return events.stream().filter(e -> e instanceof BuildEvent.StepDone d && !d.explanation().isEmpty())
            .map(e -> ((BuildEvent.StepDone) e).cached()).toList();
    }

    @Test
    void addsTheTreeOfARefWithoutTheGitDirectoryAtFixedTimes() throws Exception {
        BuildResult r = build("FROM scratch\nADD " + base + " /src\nADD " + base + "#v1:src /v1/\n", "cache");
        Map<String, String> f = BuildTest.files(r.image());
        assertEquals(new TreeMap<>(Map.ofEntries(
            Map.entry("src", "DIRECTORY 755 0:0 0 "),
            Map.entry("src/.dockerignore", "FILE 644 0:0 0 src\n"),
            Map.entry("src/README", "FILE 644 0:0 0 readme v1\n"),
            Map.entry("src/bundle.tar.gz", f.get("src/bundle.tar.gz")),
            Map.entry("src/run.sh", "FILE 755 0:0 0 #!/bin/sh\n"),
            Map.entry("src/src", "DIRECTORY 755 0:0 0 "),
            Map.entry("src/src/lib", "DIRECTORY 755 0:0 0 "),
            Map.entry("src/src/lib/a.txt", "FILE 644 0:0 0 a\n"),
            Map.entry("src/src/main.txt", "FILE 644 0:0 0 main v2\n"),
            Map.entry("v1", "DIRECTORY 755 0:0 0 "),
            Map.entry("v1/lib", "DIRECTORY 755 0:0 0 "),
            Map.entry("v1/lib/a.txt", "FILE 644 0:0 0 a\n"),
            Map.entry("v1/main.txt", "FILE 644 0:0 0 main v1\n"))), f);
        assertTrue(f.get("src/bundle.tar.gz").startsWith("FILE 644 0:0 0 "), "a repository's archive is not extracted");
        assertEquals(List.of("ADD " + base + " /src # buildkit", "ADD " + base + "#v1:src /v1/ # buildkit"),
            r.image().config().value().history().stream().map(h -> h.createdBy()).toList());

        // Another cache directory, so another checkout at another time: the same image.
        BuildResult again = build("FROM scratch\nADD " + base + " /src\nADD " + base + "#v1:src /v1/\n", "cache2");
        assertEquals(r.manifestDigest(), again.manifestDigest());
    }

    @Test
    void keepGitDirKeepsItAndChecksumPinsTheCommit() throws Exception {
        BuildResult r = build("FROM scratch\nADD --keep-git-dir --checksum=" + v1 + " " + base + "#v1 /r\n", "cache");
        Map<String, String> f = BuildTest.files(r.image());
        assertTrue(f.get("r/.git").startsWith("DIRECTORY "), f.keySet().toString());
        assertTrue(f.containsKey("r/.git/HEAD"), f.keySet().toString());
        assertEquals("FILE 644 0:0 0 main v1\n", f.get("r/src/main.txt"));
        assertEquals("ADD --keep-git-dir --checksum=" + v1 + " " + base + "#v1 /r # buildkit",
            r.image().config().value().history().get(0).createdBy());

        String wrong = "0".repeat(40);
        BuildException e = assertThrows(BuildException.class,
            () -> build("FROM scratch\nADD --checksum=" + wrong + " " + base + "#v1 /r\n", "cache"));
        assertEquals("Dockerfile:2: ADD failed: " + base + "#v1: checksum mismatch: expected " + wrong + ", got " + v1,
            e.getMessage());
    }

    @Test
    void theCacheFollowsTheCommitTheRefNames() throws Exception {
        Path work = repos.resolve("work2");
        git(repos, "clone", "-q", "app.git", "work2");
        git(repos, "clone", "-q", "--bare", "work2", "moving.git");
        String url = base.replace("app.git", "moving.git");
        String dockerfile = "FROM scratch\nADD " + url + "#main /m/\n";
        BuildResult first = build(dockerfile, "cache");
        BuildResult second = build(dockerfile, "cache");
        assertEquals(List.of(true), cached());
        assertEquals(first.manifestDigest(), second.manifestDigest());

        Files.writeString(work.resolve("README"), "moved on\n");
        git(work, "commit", "-q", "-am", "three");
        git(work, "push", "-q", repos.resolve("moving.git").toString(), "HEAD:main");
        BuildResult third = build(dockerfile, "cache");
        assertEquals(List.of(false), cached());
        assertNotEquals(first.manifestDigest(), third.manifestDigest());
        assertEquals("FILE 644 0:0 0 moved on\n", BuildTest.files(third.image()).get("m/README"));
    }

    @Test
    void badRefsSubdirectoriesAndMixedSourcesFailAtTheirLine() throws Exception {
        record Case(String add, String message) {
        }
        List<Case> cases = List.of(
            new Case("ADD " + base + "#nope /x", "ADD failed: " + base + "#nope: no branch or tag \"nope\""),
            new Case("ADD " + base + "#v1:missing /x", "ADD failed: " + base + "#v1:missing: no directory \"missing\" "
                + "in commit " + v1),
            new Case("ADD " + base + "#v1:../.. /x", "ADD failed: " + base + "#v1:../..: no directory \"../..\" "
                + "in commit " + v1),
            new Case("ADD " + base + " other /x/", "ADD failed: a Git source must be the only source of its ADD"));
        for (Case c : cases) {
            BuildException e = assertThrows(BuildException.class, () -> build("FROM scratch\n" + c.add() + "\n",
                "cache"));
            assertEquals("Dockerfile:2: " + c.message(), e.getMessage());
        }
        String noRepo = base.replace("app.git", "none.git");
        BuildException e = assertThrows(BuildException.class, () -> build("FROM scratch\nADD " + noRepo + " /x\n",
            "cache"));
        assertTrue(e.getMessage().startsWith("Dockerfile:2: ADD failed: " + noRepo + ": git ls-remote failed (exit "),
            e.getMessage());
    }
}
