package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.run.NetworkMode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUN inside builds on a busybox base image (an OCI layout): heredocs, network, security. Needs root. */
class BuildRunTest {
    @TempDir
    Path tmp;

    Path ctx;
    Path base;
    final List<BuildEvent> events = new ArrayList<>();

    @BeforeEach
    void busyboxBase() throws Exception {
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "RUN needs root here");
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.copy(busybox, ctx.resolve("busybox"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch
            COPY busybox /bin/busybox
            RUN ["/bin/busybox", "--install", "-s", "/bin"]
            """);
        base = tmp.resolve("base");
        build(Build.dockerfile(ctx.resolve("Dockerfile")).output(Output.parse("type=oci,dest=" + base)));
        Files.delete(ctx.resolve("busybox"));
    }

    BuildResult build(Build b) throws Exception {
        return b.context(ctx).cacheDir(tmp.resolve("cache")).listener(events::add).run();
    }

    Build dockerfile(String body) throws IOException {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM oci-layout://" + base + "\n" + body);
        return Build.dockerfile(ctx.resolve("Dockerfile"));
    }

    /** What the steps after the base added: path -> content for files, the type for anything else. */
    Map<String, String> added(BuildResult r) throws IOException {
        Map<String, String> all = BuildTest.files(r.image());
        all.keySet().removeIf(p -> p.equals("bin") || p.startsWith("bin/"));
        all.replaceAll((p, v) -> v.startsWith("FILE ") ? v.split(" ", 5)[4] : v.split(" ", 2)[0]);
        return all;
    }

    @Test
    void heredocsRunAsBuildKitRunsThem() throws Exception {
        BuildResult r = build(dockerfile("""
            ENV WHO=world
            RUN <<EOF
            echo one > /a
            echo two >> /a
            EOF
            RUN <<EOF
            #!/bin/sh
            echo "script $0" > /b
            EOF
            RUN cat <<A > /c && cat <<'B' > /d
            alpha $WHO
            A
            beta $WHO
            B
            RUN <<-EOF
            \techo tabbed > /e
            \tEOF
            RUN 3<<EOF cat <&3 > /f
            three
            EOF
            """));
        Map<String, String> f = added(r);
        assertEquals(Map.of("a", "one\ntwo\n", "b", "script /dev/pipes/EOF\n", "c", "alpha world\n",
            "d", "beta $WHO\n", "e", "tabbed\n", "f", "three\n"), f);
    }

    @Test
    void aNonRootUserEntersTheRootAndGetsTheGroupsRuncGivesBuildKit() throws Exception {
        BuildResult r = build(dockerfile("""
            RUN mkdir -p /etc /out && chmod 1777 /out && echo 'app:x:1000:1000::/:/bin/sh' > /etc/passwd \\
             && printf 'app:x:1000:\\nstaff:x:50:app\\n' > /etc/group
            USER app
            RUN id > /out/by-name
            USER 1000:50
            RUN id > /out/with-group
            USER 1000
            RUN id -G > /out/by-id
            """));
        Map<String, String> f = added(r);
        assertEquals("uid=1000(app) gid=1000(app) groups=50(staff)\n", f.get("out/by-name"));
        assertEquals("uid=1000(app) gid=50(staff)\n", f.get("out/with-group"));
        assertEquals("1000 50\n", f.get("out/by-id"));
    }

    @Test
    void networkNoneCannotReachTheHostWhileHostAndDefaultCan() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        out.write("pong\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String probe = " sh -c 'if nc 127.0.0.1 " + server.getLocalPort()
                + " </dev/null; then :; else echo unreachable; fi' > /";
            String steps = "RUN --network=none" + probe + "none\n"
                + "RUN --network=host" + probe + "host\n"
                + "RUN --network=default" + probe + "default\n"
                + "RUN" + probe + "unset\n";
            Map<String, String> f = added(build(dockerfile(steps)));
            assertEquals(Map.of("none", "unreachable\n", "host", "pong\n", "default", "pong\n", "unset", "pong\n"), f);

            // The build-wide --network applies to steps that name none, and is part of their cache key.
            events.clear();
            f = added(build(dockerfile(steps).network(NetworkMode.NONE)));
            assertEquals(Map.of("none", "unreachable\n", "host", "pong\n", "default", "pong\n",
                "unset", "unreachable\n"), f);
            assertEquals(List.of(true, true, true, false), cached(4));

            BuildException e = assertThrows(BuildException.class, () -> build(dockerfile("RUN --network=bridge true\n")));
            assertEquals("Dockerfile:2: unsupported network mode \"bridge\" (default, none or host)",
                e.getMessage());
        }
    }

    @Test
    void insecureNeedsTheBuildsConsent() throws Exception {
        BuildException e = assertThrows(BuildException.class,
            () -> build(dockerfile("RUN --security=insecure grep CapEff /proc/self/status > /caps\n")));
        assertEquals("Dockerfile:2: RUN --security=insecure is not allowed: build with --allow security.insecure "
            + "to grant it", e.getMessage());
        e = assertThrows(BuildException.class, () -> build(dockerfile("RUN --security=lax true\n")));
        assertEquals("Dockerfile:2: unsupported security mode \"lax\" (sandbox or insecure)", e.getMessage());

        String insecure = added(build(dockerfile("RUN --security=insecure grep CapEff /proc/self/status > /caps\n")
            .allowInsecure())).get("caps");
        String sandbox = added(build(dockerfile("RUN grep CapEff /proc/self/status > /caps\n"))).get("caps");
        assertTrue(insecure.startsWith("CapEff:"), insecure);
        assertNotEquals(sandbox, insecure);
    }

    @Test
    void cacheMountsPersistTmpfsHasItsSizeAndNeitherLeavesAMountPoint() throws Exception {
        String steps = """
            RUN --mount=type=cache,target=/var/cache/app,uid=1,gid=2,mode=0750 stat -c '%u:%g %a' /var/cache/app > /perm \\
                && echo x >> /var/cache/app/log && wc -l < /var/cache/app/log > /count
            RUN --mount=type=tmpfs,target=/scratch,size=1m echo t > /scratch/t && df -k /scratch | awk 'NR==2 {print $2}' > /size
            """;
        Map<String, String> f = added(build(dockerfile(steps)));
        assertEquals(Map.of("perm", "1:2 750\n", "count", "1\n", "size", "1024\n"), f);
        f = added(build(dockerfile(steps).noCache()));
        assertEquals(Map.of("perm", "1:2 750\n", "count", "2\n", "size", "1024\n"), f);
        // Contents are not part of the key: the same step hits the cache although the cache mount changed.
        events.clear();
        build(dockerfile(steps));
        assertEquals(List.of(true, true), cached(2));
    }

    @Test
    void lockedCacheMountsSerialiseParallelStages() throws Exception {
        String step = "RUN --mount=type=cache,id=log,target=/c,sharing=locked echo %1$s-start >> /c/log && sleep 1"
            + " && echo %1$s-end >> /c/log && touch /done\n";
        Files.writeString(ctx.resolve("Dockerfile"), "FROM oci-layout://" + base + " AS a\n" + step.formatted("a")
            + "FROM oci-layout://" + base + " AS b\n" + step.formatted("b")
            + "FROM oci-layout://" + base + "\nCOPY --from=a /done /a\nCOPY --from=b /done /b\n"
            + "RUN --mount=type=cache,id=log,target=/c cat /c/log > /log\n");
        String log = added(build(Build.dockerfile(ctx.resolve("Dockerfile")))).get("log");
        assertTrue(log.equals("a-start\na-end\nb-start\nb-end\n") || log.equals("b-start\nb-end\na-start\na-end\n"), log);
    }

    @Test
    void eachRunSeesWhatTheStepsBeforeItAddedChangedAndDeleted() throws Exception {
        Files.writeString(ctx.resolve("note.txt"), "note\n");
        String steps = """
            RUN mkdir -p /d/sub && echo 1 > /d/sub/f && echo keep > /gone && echo a > /m
            COPY note.txt /note.txt
            RUN rm /gone && echo b >> /m
            RUN rm -rf /d && mkdir /d && echo 2 > /d/g
            ENV SEEN=/seen
            RUN mkdir $SEEN && ls -R /d > $SEEN/d && cat /m /note.txt > $SEEN/m \
                && if [ -e /gone ]; then echo yes; else echo no; fi > $SEEN/gone
            """;
        Map<String, String> first = added(build(dockerfile(steps)));
        assertEquals("/d:\ng\n", first.get("seen/d"));
        assertEquals("a\nb\nnote\n", first.get("seen/m"));
        assertEquals("no\n", first.get("seen/gone"));
        // A change before the last RUN: the steps after it run on a root unpacked from the cached layers.
        Files.writeString(ctx.resolve("note.txt"), "changed\n");
        events.clear();
        Map<String, String> second = added(build(dockerfile(steps)));
        assertEquals(List.of(true, false, false, false, false, false), cached(6));
        assertEquals("a\nb\nchanged\n", second.get("seen/m"));
        assertEquals("/d:\ng\n", second.get("seen/d"));
        assertEquals("no\n", second.get("seen/gone"));
    }

    /** Whether each of the last {@code n} steps hit the cache. */
    private List<Boolean> cached(int n) {
        List<Boolean> all = events.stream().filter(ev -> ev instanceof BuildEvent.StepDone)
            .map(ev -> ((BuildEvent.StepDone) ev).cached()).toList();
        return all.subList(all.size() - n, all.size());
    }
}
