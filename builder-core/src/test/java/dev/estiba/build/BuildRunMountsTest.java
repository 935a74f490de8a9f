package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.HistoryEntry;
import dev.estiba.image.ImageConfig;
import dev.estiba.layer.Compression;
import dev.estiba.run.Isolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code RUN --mount} types bind, secret and ssh, and HOME, through real builds with each backend on a busybox
 * base. Needs root.
 */
class BuildRunMountsTest {
    @TempDir
    static Path shared;
    static Path base;

    @TempDir
    Path tmp;
    Path ctx;
    Path cache;
    final List<BuildEvent> events = new ArrayList<>();

    @BeforeAll
    static void busyboxBase() throws Exception {
        base = buildBase(shared);
    }

    /** Builds a busybox-static base image as an OCI layout under {@code dir}; skips without root or busybox. */
    static Path buildBase(Path dir) throws Exception {
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "RUN needs root here");
        Path baseCtx = Files.createDirectories(dir.resolve("base-ctx"));
        Files.copy(busybox, baseCtx.resolve("busybox"));
        Files.writeString(baseCtx.resolve("Dockerfile"), """
            FROM scratch
            COPY busybox /bin/busybox
            RUN ["/bin/busybox", "--install", "-s", "/bin"]
            """);
        Path layout = dir.resolve("base");
        Build.dockerfile(baseCtx.resolve("Dockerfile")).context(baseCtx).cacheDir(dir.resolve("cache"))
            .output(Output.parse("type=oci,dest=" + layout)).run();
        return layout;
    }

    @BeforeEach
    void dirs() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        cache = tmp.resolve("cache");
    }

    BuildResult build(Build b) throws Exception {
        return b.context(ctx).cacheDir(cache).listener(events::add).compression(Compression.none()).run();
    }

    Build dockerfile(String isolation, String body) throws IOException {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM oci-layout://" + base + "\n" + body);
        return Build.dockerfile(ctx.resolve("Dockerfile")).isolation(Isolation.parse(isolation));
    }

    /** What the steps after the base added: path -> content for files, the type for anything else. */
    static Map<String, String> added(BuildResult r) throws IOException {
        Map<String, String> all = BuildTest.files(r.image());
        all.keySet().removeIf(p -> p.equals("bin") || p.startsWith("bin/"));
        all.replaceAll((p, v) -> v.startsWith("FILE ") ? v.split(" ", 5)[4] : v.split(" ", 2)[0]);
        return all;
    }

    private List<Boolean> cached(int n) {
        List<Boolean> all = events.stream().filter(ev -> ev instanceof BuildEvent.StepDone)
            .map(ev -> ((BuildEvent.StepDone) ev).cached()).toList();
        return all.subList(all.size() - n, all.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void bindMountsFromTheContextAStageAndAnImageLeaveNothingBehind(String isolation) throws Exception {
        Path src = Files.createDirectories(ctx.resolve("src/sub"));
        Files.writeString(ctx.resolve("src/a.txt"), "alpha\n");
        Files.writeString(ctx.resolve("src/sub/b.txt"), "beta\n");
        Files.writeString(ctx.resolve("src/secret.key"), "ignored\n");
        Files.setAttribute(ctx.resolve("src/a.txt"), "unix:mode", 0640);
        Files.writeString(ctx.resolve(".dockerignore"), "src/*.key\n");
        String steps = """
            RUN echo unused > /unused
            FROM oci-layout://%s AS files
            RUN mkdir /data && echo staged > /data/s && chown 7:8 /data/s
            FROM oci-layout://%s
            RUN --mount=from=files,source=/data,target=/st stat -c '%%u:%%g' /st/s > /stage && ! touch /st/x 2>/dev/null
            RUN --mount=from=oci-layout://%s,target=/img ls /img/bin/busybox > /image
            RUN --mount=from=extra,source=e.txt,target=/e,rw echo x >> /e && cat /e > /named
            RUN --mount=type=bind,src=src/a.txt,target=/f cat /f > /file
            RUN --mount=target=/m,source=src find /m | sort > /ctx-list && stat -c '%%a %%u:%%g' /m/a.txt > /ctx-perm \\
                && ! touch /m/x 2>/dev/null
            RUN --mount=rw,target=w,source=src echo changed > w/a.txt && echo new > w/new && cat w/a.txt > /rw
            """.formatted(base, base, base);
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("e.txt"), "named\n");
        Map<String, String> f = added(build(dockerfile(isolation, steps).buildContext("extra", extra.toString())));
        assertEquals(Map.of("ctx-list", "/m\n/m/a.txt\n/m/sub\n/m/sub/b.txt\n", "ctx-perm", "640 0:0\n",
            "file", "alpha\n", "stage", "7:8\n", "rw", "changed\n", "image", "/img/bin/busybox\n",
            "named", "named\nx\n"), f);
        assertEquals("named\n", Files.readString(extra.resolve("e.txt")));
        // rw writes never reach the context.
        assertEquals("alpha\n", Files.readString(src.getParent().resolve("a.txt")));
        assertFalse(Files.exists(src.getParent().resolve("new")));

        // The key covers the bind source's content: a same-size edit re-runs only the steps that bind it.
        events.clear();
        Files.writeString(ctx.resolve("src/a.txt"), "ALPHA\n");
        f = added(build(dockerfile(isolation, steps).buildContext("extra", extra.toString())));
        assertEquals("ALPHA\n", f.get("file"));
        assertEquals(List.of(true, true, true, false, false, false), cached(6));
        // An ignored file is not part of it.
        events.clear();
        Files.writeString(ctx.resolve("src/secret.key"), "changed\n");
        build(dockerfile(isolation, steps).buildContext("extra", extra.toString()));
        assertEquals(List.of(true, true, true, true, true, true), cached(6));
        // A named context's content is part of the key too.
        events.clear();
        Files.writeString(extra.resolve("e.txt"), "NAMED\n");
        f = added(build(dockerfile(isolation, steps).buildContext("extra", extra.toString())));
        assertEquals("NAMED\nx\n", f.get("named"));
        assertEquals(List.of(true, true, false, false, false, false), cached(6));

        BuildException e = assertThrows(BuildException.class,
            () -> build(dockerfile(isolation, "RUN --mount=source=src/secret.key,target=/k true\n")));
        assertTrue(e.getMessage().startsWith("Dockerfile:2: RUN --mount=source=src/secret.key,target=/k: "),
            e.getMessage());
        assertTrue(e.getMessage().contains(".dockerignore"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void secretsReachTheStepAndNothingElse(String isolation) throws Exception {
        String fileValue = "file-SECRET-" + isolation + "-4242";
        String envValue = "env-SECRET-" + isolation + "-9999";
        Path secretFile = tmp.resolve("key.txt");
        Files.writeString(secretFile, fileValue);
        String steps = """
            RUN --mount=type=secret,id=key wc -c < /run/secrets/key > /len && stat -c '%a %u:%g' /run/secrets/key > /perm
            RUN --mount=type=secret,id=key,target=/etc/app/key,mode=0440,uid=5,gid=6 \\
                stat -c '%a %u:%g' /etc/app/key > /perm2 && sha256sum < /etc/app/key | cut -c1-12 > /sum
            RUN --mount=type=secret,id=tok,env=TOKEN printf %s "$TOKEN" | sha256sum | cut -c1-12 > /env \\
                && test ! -e /run/secrets/tok
            RUN --mount=type=secret,id=tok,env=TOKEN,target=/tok test "$(cat /tok)" = "$TOKEN" && echo both > /both
            RUN --mount=type=secret,id=absent test ! -e /run/secrets/absent && echo skipped > /absent
            """;
        Map<String, String> env = Map.of("TOKVAR", envValue);
        Build b = dockerfile(isolation, steps).secret(BuildSecret.parse("id=key,src=" + secretFile, env))
            .secret(BuildSecret.parse("id=tok,env=TOKVAR", env))
            .output(Output.parse("type=docker,dest=" + tmp.resolve("image.tar")));
        BuildResult r = build(b);
        String sum = dev.estiba.image.Digest.sha256(fileValue.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12);
        String envSum = dev.estiba.image.Digest.sha256(envValue.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12);
        assertEquals(Map.of("len", fileValue.length() + "\n", "perm", "400 0:0\n", "perm2", "440 5:6\n",
            "sum", sum + "\n", "env", envSum + "\n", "both", "both\n", "absent", "skipped\n"), added(r));

        // Not in the image tar (layers uncompressed), the config, the history, the progress or the cache dir.
        byte[] tar = Files.readAllBytes(tmp.resolve("image.tar"));
        for (String value : List.of(fileValue, envValue)) {
            assertFalse(contains(tar, value), "secret in the image tar");
            assertFalse(events.toString().contains(value), "secret in the progress events");
            assertFalse(grepTree(cache, value), "secret in the cache dir");
        }
        ImageConfig config = r.image().config().value();
        assertFalse(String.valueOf(config.executionConfig().env()).contains("TOKEN"));
        for (HistoryEntry h : config.history()) {
            assertFalse(String.valueOf(h.createdBy()).contains(fileValue));
        }
        assertNoSecretDirsLeft();

        // The key covers the id, not the value: a new value hits the cache.
        events.clear();
        Files.writeString(secretFile, "another value");
        build(dockerfile(isolation, steps).secret(BuildSecret.parse("id=key,src=" + secretFile, env))
            .secret(BuildSecret.parse("id=tok,env=TOKVAR", env)));
        assertEquals(List.of(true, true, true, true, true), cached(5));

        BuildException e = assertThrows(BuildException.class, () -> build(dockerfile(isolation,
            "RUN --mount=type=secret,id=npmrc,required true\n")));
        assertEquals("Dockerfile:2: RUN --mount=type=secret,id=npmrc,required: secret npmrc not found: pass it with "
            + "--secret id=npmrc,src=FILE or --secret id=npmrc,env=VAR", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void sshAgentSocketsAreForwarded(String isolation) throws Exception {
        HostProgram.copy(Path.of("/usr/bin/ssh-add"), Files.createDirectories(ctx.resolve("ssh-add")));
        Path socket = tmp.resolve("agent.sock");
        try (FakeSshAgent agent = new FakeSshAgent(socket, "estiba-test-key-" + isolation)) {
            String steps = """
                COPY ssh-add/ /
                RUN --mount=type=ssh ssh-add -L > /keys && echo "$SSH_AUTH_SOCK" > /sock \\
                    && stat -c '%a %u:%g %F' "$SSH_AUTH_SOCK" > /sock-stat
                RUN --mount=type=ssh,id=other,target=/agent,uid=1000,mode=0660 --mount=type=ssh \\
                    SSH_AUTH_SOCK=/agent ssh-add -L > /other && stat -c '%a %u:%g' /agent > /agent-stat \\
                    && echo "$SSH_AUTH_SOCK" > /sock2
                RUN --mount=type=ssh,id=missing ssh-add -L > /none 2>&1 || echo "exit $?" > /none-exit
                """;
            BuildResult r = build(dockerfile(isolation, steps).ssh(SshAgent.parse("default=" + socket, Map.of()))
                .ssh(SshAgent.parse("other", Map.of("SSH_AUTH_SOCK", socket.toString()))));
            Map<String, String> f = added(r);
            f.keySet().removeIf(p -> p.startsWith("usr") || p.startsWith("lib"));
            String key = "ssh-ed25519 " + Base64.getEncoder().encodeToString(FakeSshAgent.keyBlob()) + " ";
            assertEquals(key + "estiba-test-key-" + isolation + "\n", f.get("keys"));
            assertEquals(key + "estiba-test-key-" + isolation + "\n", f.get("other"));
            assertEquals("/run/buildkit/ssh_agent.0\n", f.get("sock"));
            assertEquals("600 0:0 socket\n", f.get("sock-stat"));
            assertEquals("660 1000:0\n", f.get("agent-stat"));
            assertEquals("/agent\n", f.get("sock2"));
            assertEquals("exit 2\n", f.get("none-exit"));
            assertEquals(List.of("agent-stat", "keys", "none", "none-exit", "other", "sock", "sock-stat", "sock2"),
                f.keySet().stream().sorted().toList(), "no socket or mount point in the layers");
        }
        BuildException e = assertThrows(BuildException.class,
            () -> build(dockerfile(isolation, "RUN --mount=type=ssh,required=true true\n")));
        assertEquals("Dockerfile:2: RUN --mount=type=ssh,required=true: no SSH agent \"default\" given: pass one with "
            + "--ssh default=SOCKET (or --ssh default for $SSH_AUTH_SOCK)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void homeComesFromThePasswdEntryAsRuncSetsIt(String isolation) throws Exception {
        String steps = """
            RUN echo "$HOME" > /h-no-passwd
            COPY <<EOF /etc/passwd
            root:x:0:0:root:/root:/bin/sh
            app:x:1000:1000:app:/home/app:/bin/sh
            EOF
            RUN echo "$HOME" > /h-root && mkdir -m 1777 /tmp
            USER 1000
            RUN echo "$HOME" > /tmp/h-app
            USER 4242
            RUN echo "$HOME" > /tmp/h-unknown
            USER app
            RUN echo "$HOME" > /tmp/h-named
            """;
        BuildResult r = build(dockerfile(isolation, steps));
        Map<String, String> f = added(r);
        assertEquals("/\n", f.get("h-no-passwd"));
        assertEquals("/root\n", f.get("h-root"));
        assertEquals("/home/app\n", f.get("tmp/h-app"));
        assertEquals("/\n", f.get("tmp/h-unknown"));
        assertEquals("/home/app\n", f.get("tmp/h-named"));
        assertFalse(String.valueOf(r.image().config().value().executionConfig().env()).contains("HOME"));

        BuildResult set = build(dockerfile(isolation, "ENV HOME=/custom\nRUN echo \"$HOME\" > /h\n"));
        assertEquals("/custom\n", added(set).get("h"));
        assertTrue(set.image().config().value().executionConfig().env().contains("HOME=/custom"));
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean grepTree(Path dir, String needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (contains(Files.readAllBytes(p), needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No suite but this one mounts secrets: none of their directories may be left. */
    private static void assertNoSecretDirsLeft() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm)) {
            try (Stream<Path> s = Files.list(shm)) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("estiba-secret-")).toList());
            }
        }
    }
}
