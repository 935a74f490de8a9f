package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.Descriptor;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.Image;
import dev.estiba.layer.read.LayerEntry;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.read.LayerTarReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {
    @TempDir
    Path tmp;

    static final String MULTI = """
        FROM scratch AS build
        COPY src/ /out/
        COPY <<EOF /out/generated.txt
        hello $NAME
        EOF

        FROM scratch
        ARG NAME=world
        ENV APP_HOME=/app NAME=${NAME}
        LABEL org.example.title="demo" version=1
        WORKDIR /app
        COPY --from=build --chmod=0640 /out/ ./
        COPY --chown=10:20 static /srv/static
        EXPOSE 8080/tcp
        USER 10:20
        ENTRYPOINT ["/app/run"]
        CMD ["--help"]
        """;

    Path context(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src/lib"));
        Files.writeString(dir.resolve("src/main.txt"), "main\n");
        Files.writeString(dir.resolve("src/lib/a.txt"), "aaaa\n");
        Files.createDirectories(dir.resolve("static"));
        Files.writeString(dir.resolve("static/index.html"), "<html>\n");
        Files.writeString(dir.resolve("Dockerfile"), MULTI);
        return dir;
    }

    List<BuildEvent> events = new ArrayList<>();

    BuildResult build(Path ctx, Build b) throws Exception {
        return b.context(ctx).cacheDir(tmp.resolve("cache")).listener(events::add).run();
    }

    Build of(Path ctx) {
        return Build.dockerfile(ctx.resolve("Dockerfile"));
    }

    /** path -> "type mode uid:gid content|target" of every entry of the image's layers, later layers winning. */
    static Map<String, String> files(Image image) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Descriptor d : image.layers()) {
            try (LayerTarReader r = new LayerTarReader(new LayerSource(d.digest().toString(), () -> image.open(d), null),
                1 << 30)) {
                for (LayerEntry e = r.next(); e != null; e = r.next()) {
                    String body = switch (e.type()) {
                        case FILE -> new String(r.content().readAllBytes(), StandardCharsets.UTF_8);
                        case SYMLINK -> "-> " + e.linkTarget();
                        default -> "";
                    };
                    out.put(e.path().toString(), e.type() + " " + Integer.toOctalString(e.mode()) + " " + e.uid() + ":"
                        + e.gid() + " " + e.mtime().getEpochSecond() + " " + body);
                }
            }
        }
        return out;
    }

    /** A missing context directory is named, not its default Dockerfile. */
    @Test
    void aMissingContextIsNamedBeforeItsDockerfile() {
        Path ctx = tmp.resolve("nowhere");
        BuildException e = assertThrows(BuildException.class, () -> Build.dockerfile(ctx.resolve("Dockerfile"))
            .context(ctx).cacheDir(tmp.resolve("cache")).run());
        assertEquals("context " + ctx + ": no such directory", e.getMessage());
    }

    @Test
    void multiStageFromScratchMakesTheConfigAndFilesBuildKitWould() throws Exception {
        Path ctx = context(tmp.resolve("ctx"));
        BuildResult r = build(ctx, of(ctx));
        ExecutionConfig c = r.image().config().value().executionConfig();
        assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_HOME=/app",
            "NAME=world"), c.env());
        assertEquals(Map.of("org.example.title", "demo", "version", "1"), c.labels());
        assertEquals("/app", c.workingDir());
        assertEquals("10:20", c.user());
        assertEquals(List.of("/app/run"), c.entrypoint());
        assertEquals(List.of("--help"), c.cmd());
        assertEquals(java.util.Set.of("8080/tcp"), c.exposedPorts());
        assertEquals("1970-01-01T00:00:00Z", r.image().config().value().created());
        Map<String, String> f = files(r.image());
        assertEquals(new TreeMap<>(Map.of(
            "app", "DIRECTORY 755 0:0 0 ",
            "app/generated.txt", "FILE 640 0:0 0 hello \n",
            "app/lib", "DIRECTORY 640 0:0 0 ",
            "app/lib/a.txt", "FILE 640 0:0 0 aaaa\n",
            "app/main.txt", "FILE 640 0:0 0 main\n",
            "srv", "DIRECTORY 755 10:20 0 ",
            "srv/static", "DIRECTORY 755 10:20 0 ",
            "srv/static/index.html", "FILE 644 10:20 0 <html>\n")), f);
        List<String> history = r.image().config().value().history().stream()
            .map(h -> h.createdBy() + (h.hasLayer() ? "" : " (empty)")).toList();
        assertEquals(List.of("ENV APP_HOME=/app NAME=world (empty)", "LABEL org.example.title=demo version=1 (empty)",
            "WORKDIR /app # buildkit", "COPY --from=build --chmod=0640 /out/ ./ # buildkit",
            "COPY --chown=10:20 static /srv/static # buildkit", "EXPOSE map[8080/tcp:{}] (empty)", "USER 10:20 (empty)",
            "ENTRYPOINT [\"/app/run\"] (empty)", "CMD [\"--help\"] (empty)"), history);
        assertTrue(r.image().config().value().history().stream().allMatch(h -> h.comment().equals("buildkit.dockerfile.v0")));
    }

    @Test
    void rebuildHitsEveryStepAndAOneFileEditRerunsOnlyItsStep() throws Exception {
        Path ctx = context(tmp.resolve("ctx"));
        BuildResult first = build(ctx, of(ctx));
        events.clear();
        BuildResult second = build(ctx, of(ctx));
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(List.of(true, true, true, true, true), fileSteps());

        // Same size, same mtime: only the content digest can tell.
        Path a = ctx.resolve("static/index.html");
        FileTime mtime = Files.getLastModifiedTime(a);
        Files.writeString(a, "<HTML>\n");
        Files.setLastModifiedTime(a, mtime);
        events.clear();
        BuildResult third = build(ctx, of(ctx));
        assertNotEquals(second.manifestDigest(), third.manifestDigest());
        assertEquals(List.of(true, true, true, true, false), fileSteps());
        List<String> why = events.stream().filter(e -> e instanceof BuildEvent.StepDone d && !d.cached()
            && !d.explanation().isEmpty()).map(e -> ((BuildEvent.StepDone) e).explanation()).findFirst().orElseThrow();
        assertEquals(List.of("cache miss: sources changed", "  index.html: content changed"), why);

        events.clear();
        BuildResult forced = build(ctx, of(ctx).noCache());
        assertEquals(third.manifestDigest(), forced.manifestDigest());
        assertEquals(List.of(false, false, false, false, false), fileSteps());
    }

    @Test
    void copyFromAStageHitsOnTheStageLayersAndChainsOnTheCopiedContent() throws Exception {
        Path ctx = context(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch AS build
            COPY src/ /out/
            FROM scratch
            COPY --from=build /out/main.txt /app/
            COPY static /srv/static
            """);
        BuildResult first = build(ctx, of(ctx));
        assertEquals(List.of(false, false, false), fileSteps());
        events.clear();
        assertEquals(first.manifestDigest(), build(ctx, of(ctx)).manifestDigest());
        assertEquals(List.of(true, true, true), fileSteps());
        // The stage changes, the copied file does not: COPY --from hits on its content and the next step still hits.
        Files.writeString(ctx.resolve("src/lib/a.txt"), "changed\n");
        events.clear();
        assertEquals(first.manifestDigest(), build(ctx, of(ctx)).manifestDigest());
        assertEquals(List.of(false, true, true), fileSteps());
        events.clear();
        assertEquals(first.manifestDigest(), build(ctx, of(ctx)).manifestDigest());
        assertEquals(List.of(true, true, true), fileSteps());
        // The copied file changes: COPY --from and the steps after it run again.
        Files.writeString(ctx.resolve("src/main.txt"), "changed\n");
        events.clear();
        assertNotEquals(first.manifestDigest(), build(ctx, of(ctx)).manifestDigest());
        assertEquals(List.of(false, false, false), fileSteps());
    }

    private List<Boolean> fileSteps() {
        return events.stream().filter(e -> e instanceof BuildEvent.StepDone d && !d.explanation().isEmpty())
            .map(e -> ((BuildEvent.StepDone) e).cached()).toList();
    }

    @Test
    void twoClonesWithDifferentMtimesGiveTheSameDigest() throws Exception {
        Path a = context(tmp.resolve("a"));
        Path b = context(tmp.resolve("b"));
        Files.setLastModifiedTime(b.resolve("src/main.txt"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        BuildResult ra = Build.dockerfile(a.resolve("Dockerfile")).context(a).cacheDir(tmp.resolve("c1")).run();
        BuildResult rb = Build.dockerfile(b.resolve("Dockerfile")).context(b).cacheDir(tmp.resolve("c2")).run();
        assertEquals(ra.manifestDigest(), rb.manifestDigest());
        BuildResult kept = Build.dockerfile(b.resolve("Dockerfile")).context(b).cacheDir(tmp.resolve("c2"))
            .keepMtimes().run();
        assertNotEquals(rb.manifestDigest(), kept.manifestDigest());
        BuildResult sde = Build.dockerfile(b.resolve("Dockerfile")).context(b).cacheDir(tmp.resolve("c2"))
            .buildArg("SOURCE_DATE_EPOCH", "1700000000").run();
        assertEquals("2023-11-14T22:13:20Z", sde.image().config().value().created());
        assertTrue(files(sde.image()).get("app/main.txt").contains(" 1700000000 "));
    }

    @Test
    void errorsNameTheLineAndWriteNoOutput() throws Exception {
        Path ctx = tmp.resolve("bad");
        Files.createDirectories(ctx);
        Files.writeString(ctx.resolve(".dockerignore"), "*.jar\n");
        Files.writeString(ctx.resolve("app.jar"), "x");
        record Case(String dockerfile, String message) {
        }
        List<Case> cases = List.of(
            new Case("FROM scratch\nCOPY nope /x\n", "Dockerfile:2: COPY failed: \"nope\": not found in the build context"),
            new Case("FROM scratch\n\nCOPY app.jar /x\n", "Dockerfile:3: COPY failed: \"app.jar\": not found in the build "
                + "context: excluded by .dockerignore:1 (\"*.jar\")"),
            new Case("FROM scratch\nCOPY --from=nostage a /x\n", "Dockerfile:2: COPY failed: --from=nostage: image "
                + "\"nostage\" is not in the local store; estiba build does not pull from registries: run estiba pull "
                + "nostage first"),
            new Case("FROM busybox:1.36\n", "Dockerfile:1: FROM failed: image \"busybox:1.36\" is not in the local "
                + "store; estiba build does not pull from registries: run estiba pull busybox:1.36 first"),
            new Case("FROM scratch\nCOPY --chown=app a /x\n", "Dockerfile:2: COPY failed: --chown=app: unable to find "
                + "user app: the image has no /etc/passwd"),
            new Case("FROM scratch\nCOPY a b /x\n", "Dockerfile:2: COPY failed: when using COPY with more than one "
                + "source file, the destination must be a directory and end with a /"),
            new Case("FROM scratch\nCOPY a[ /x\n", "Dockerfile:2: COPY failed: source \"a[\": bad pattern \"a[\": unterminated character class"),
            new Case("FROM scratch\nCOPY --from=later a /x\nFROM scratch AS later\nFROM scratch\nCOPY --from=0 a /y\n",
                "Dockerfile:2: cannot copy from stage \"later\", it needs to be defined before current stage"),
            new Case("FROM scratch\nADD --checksum=sha256:" + "a".repeat(64) + " a /x\n",
                "Dockerfile:2: ADD failed: --checksum is only for http(s) sources"));
        Files.writeString(ctx.resolve("a"), "a");
        Files.writeString(ctx.resolve("b"), "b");
        for (Case c : cases) {
            Files.writeString(ctx.resolve("Dockerfile"), c.dockerfile());
            Path out = tmp.resolve("out.tar");
            BuildException e = assertThrows(BuildException.class, () -> Build.dockerfile(ctx.resolve("Dockerfile"))
                .context(ctx).cacheDir(tmp.resolve("cache")).output(Output.parse("type=docker,dest=" + out)).run());
            assertEquals(c.message(), e.getMessage(), c.dockerfile());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void chownByNameUsesTheStagePasswdAndGroup() throws Exception {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx);
        Files.writeString(ctx.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n");
        Files.writeString(ctx.resolve("group"), "root:x:0:\napp:x:1001:\nstaff:x:50:\n");
        Files.writeString(ctx.resolve("f"), "f");
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch
            COPY passwd group /etc/
            COPY --chown=app f /a
            COPY --chown=app:staff f /b
            COPY --chown=7 f /c
            """);
        Map<String, String> f = files(build(ctx, of(ctx)).image());
        assertTrue(f.get("a").startsWith("FILE 644 1000:1001 "), f.get("a"));
        assertTrue(f.get("b").startsWith("FILE 644 1000:50 "), f.get("b"));
        assertTrue(f.get("c").startsWith("FILE 644 7:7 "), f.get("c"));
    }

    @Test
    void addExtractsLocalArchivesAndDownloadsUrlsWithChecksumAndLastModified() throws Exception {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx);
        // a gzip tar with one file, written with the layer writer
        Path tgz = ctx.resolve("bundle.tar.gz");
        try (var out = Files.newOutputStream(tgz)) {
            new dev.estiba.layer.LayerWriter(dev.estiba.layer.Compression.gzip(6, 1), null).write(
                dev.estiba.layer.ChangeSet.of(List.of(dev.estiba.layer.ChangeEntry.file("inner/x.txt", 0600, 5, 6,
                    Instant.ofEpochSecond(1000), "x".getBytes(StandardCharsets.UTF_8).length,
                    dev.estiba.layer.ContentSource.of("x".getBytes(StandardCharsets.UTF_8))))), out);
        }
        byte[] body = "downloaded\n".getBytes(StandardCharsets.UTF_8);
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/tool.txt", ex -> {
            ex.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/tool.txt";
            String sha = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(body));
            Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nADD bundle.tar.gz /opt/\nADD --checksum="
                + sha + " " + url + " /dl/\n");
            Map<String, String> f = files(build(ctx, of(ctx)).image());
            assertEquals("FILE 600 5:6 1000 x", f.get("opt/inner/x.txt"));
            assertEquals("FILE 600 0:0 1445412480 downloaded\n", f.get("dl/tool.txt"));

            Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nADD --checksum=sha256:"
                + "0".repeat(64) + " " + url + " /dl/\n");
            BuildException e = assertThrows(BuildException.class, () -> build(ctx, of(ctx)));
            assertEquals("Dockerfile:2: ADD failed: ADD " + url + ": checksum mismatch: expected sha256:" + "0".repeat(64)
                + ", got " + sha, e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void outputsWriteEveryFormat() throws Exception {
        Path ctx = context(tmp.resolve("ctx"));
        Path out = tmp.resolve("out");
        build(ctx, of(ctx).tag("demo:1")
            .output(Output.parse("type=oci,dest=" + out.resolve("layout")))
            .output(Output.parse("type=oci-archive,dest=" + out.resolve("oci.tar")))
            .output(Output.parse("type=docker,dest=" + out.resolve("docker.tar")))
            .output(Output.parse("type=local,dest=" + out.resolve("rootfs")))
            .output(Output.parse("type=tar,dest=" + out.resolve("rootfs.tar"))));
        assertTrue(Files.isRegularFile(out.resolve("layout/index.json")));
        assertTrue(Files.size(out.resolve("oci.tar")) > 0);
        assertTrue(Files.size(out.resolve("docker.tar")) > 0);
        assertEquals("main\n", Files.readString(out.resolve("rootfs/app/main.txt")));
        assertTrue(Files.size(out.resolve("rootfs.tar")) > 0);
        var store = new dev.estiba.store.ImageStore(new dev.estiba.store.BlobStore(tmp.resolve("cache")));
        assertTrue(store.list().containsKey("demo:1"));
    }


    @Test
    void anOciLayoutBaseRunsItsOnbuildTriggersAndNamedContextsWork() throws Exception {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx);
        Files.writeString(ctx.resolve("f"), "f");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nENV BASE=1\nONBUILD COPY f /triggered\n");
        Path layout = tmp.resolve("layout");
        build(ctx, of(ctx).output(Output.parse("type=oci,dest=" + layout)));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM oci-layout://" + layout + "\nCOPY --from=extra g /g\n");
        Path extra = tmp.resolve("extra");
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("g"), "g");
        BuildResult r = build(ctx, of(ctx).buildContext("extra", extra.toString()));
        Map<String, String> f = files(r.image());
        assertEquals("FILE 644 0:0 0 f", f.get("triggered"));
        assertEquals("FILE 644 0:0 0 g", f.get("g"));
        assertEquals(null, r.image().config().value().executionConfig().onBuild());
        assertTrue(r.image().config().value().executionConfig().env().contains("BASE=1"));

        Files.writeString(ctx.resolve("Dockerfile"), "FROM base\n");
        BuildResult named = build(ctx, of(ctx).buildContext("base", "oci-layout://" + layout));
        assertEquals("FILE 644 0:0 0 f", files(named.image()).get("triggered"));
    }

    @Test
    void wildcardsExcludesParentsAndDestinationRules() throws Exception {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx.resolve("a/b"));
        Files.writeString(ctx.resolve("a/b/x.txt"), "x");
        Files.writeString(ctx.resolve("a/b/y.log"), "y");
        Files.writeString(ctx.resolve("a/z.txt"), "z");
        Files.createSymbolicLink(ctx.resolve("a/link"), Path.of("z.txt"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch
            COPY a/*.txt /w/
            COPY --exclude=**/*.log a /e/
            COPY --parents a/b/*.txt /p/
            COPY a/z.txt /file-dest
            COPY a/z.txt /dir-dest/
            WORKDIR /rel
            COPY a/z.txt sub/
            COPY a/link /followed
            """);
        Map<String, String> f = files(build(ctx, of(ctx)).image());
        assertEquals(List.of("dir-dest", "dir-dest/z.txt", "e", "e/b", "e/b/x.txt", "e/link", "e/z.txt", "file-dest",
            "followed", "p", "p/a", "p/a/b", "p/a/b/x.txt", "rel", "rel/sub", "rel/sub/z.txt", "w", "w/z.txt"),
            List.copyOf(f.keySet()));
        assertEquals("SYMLINK 777 0:0 0 -> z.txt", f.get("e/link"));
        assertEquals("FILE 644 0:0 0 z", f.get("followed"));
    }

    @Test
    void runStepsThroughTheRunPackageAndCacheTheirLayer() throws Exception {
        Path busybox = Path.of("/bin/busybox");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "RUN needs root here");
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx);
        Files.copy(busybox, ctx.resolve("busybox"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch
            COPY busybox /bin/busybox
            SHELL ["/bin/busybox", "sh", "-c"]
            ARG GREETING=hi
            RUN /bin/busybox mkdir -p /out && echo "$GREETING" > /out/greeting
            RUN ["/bin/busybox", "rm", "/bin/busybox"]
            """);
        BuildResult first = build(ctx, of(ctx));
        Map<String, String> f = files(first.image());
        assertEquals("FILE 644 0:0 0 hi\n", f.get("out/greeting"));
        assertTrue(f.containsKey("bin/.wh.busybox"), f.keySet().toString());
        List<String> history = first.image().config().value().history().stream().map(h -> h.createdBy()).toList();
        assertEquals("RUN |1 GREETING=hi /bin/busybox sh -c /bin/busybox mkdir -p /out && echo \"$GREETING\" > /out/greeting # buildkit",
            history.get(2));
        events.clear();
        BuildResult second = build(ctx, of(ctx));
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(List.of(true, true, true), fileSteps());

        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n"
            + "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo oops; exit 3\"]\n");
        BuildException e = assertThrows(BuildException.class, () -> build(ctx, of(ctx)));
        assertEquals("Dockerfile:3: RUN failed: process \"/bin/busybox sh -c echo oops; exit 3\" did not complete "
            + "successfully: exit code: 3\noops", e.getMessage());
    }

    @Test
    void anIgnoredDockerfileStillBuildsAndIsNotCopied() throws Exception {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx);
        Files.writeString(ctx.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n");
        Files.writeString(ctx.resolve("a"), "a");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /c/\n");
        assertEquals(List.of("c", "c/a"), List.copyOf(files(build(ctx, of(ctx)).image()).keySet()));
    }
}
