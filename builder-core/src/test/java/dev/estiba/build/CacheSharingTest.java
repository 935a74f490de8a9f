package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.run.Isolation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sharing=private} and {@code sharing=locked} cache mounts, within one build and across two processes. */
class CacheSharingTest {
    @TempDir
    static Path shared;
    static Path base;

    @TempDir
    Path tmp;

    /** Waits (up to a minute) until every name in {@code who} has touched {@code dir}. */
    static String meet(String dir, String mark, String... who) {
        StringBuilder wait = new StringBuilder("touch " + dir + "/" + mark + " && i=0 && while");
        for (int n = 0; n < who.length; n++) {
            wait.append(n == 0 ? " " : " || ").append("[ ! -e ").append(dir).append('/').append(who[n]).append(" ]");
        }
        return wait.append("; do sleep 0.2; i=$((i+1)); [ $i -lt 300 ] || exit 9; done").toString();
    }

    @BeforeAll
    static void busyboxBase() throws Exception {
        base = BuildRunMountsTest.buildBase(shared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void privateCacheMountsGiveConcurrentStepsTheirOwnDirectory(String isolation) throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        String stage = """
            FROM oci-layout://%1$s AS %2$s
            RUN --mount=type=cache,id=p,target=/p,sharing=private --mount=type=cache,id=meet,target=/meet \\
                echo %2$s > /p/owner && %3$s && cat /p/owner > /seen
            """;
        Files.writeString(ctx.resolve("Dockerfile"), stage.formatted(base, "a", meet("/meet", "a", "a", "b"))
            + stage.formatted(base, "b", meet("/meet", "b", "a", "b"))
            + "FROM oci-layout://" + base + "\nCOPY --from=a /seen /a\nCOPY --from=b /seen /b\n"
            + "RUN --mount=type=cache,id=p,target=/p,ro ! touch /p/x 2>/dev/null && cat /p/owner > /ro\n");
        Path cache = tmp.resolve("cache");
        BuildResult r = Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(cache)
            .isolation(Isolation.parse(isolation)).run();
        Map<String, String> f = BuildRunMountsTest.added(r);
        String ro = f.remove("ro");
        assertEquals(Map.of("a", "a\n", "b", "b\n"), f);
        assertTrue(ro.equals("a\n") || ro.equals("b\n"), ro);
        Path first = CacheMounts.directory(cache.resolve("run-mounts"), "p");
        assertTrue(Files.isDirectory(first.resolveSibling(first.getFileName() + "-1")), "a second instance");
    }

    @Test
    void lockedCacheMountsSerialiseTwoProcesses() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM oci-layout://%s
            ARG WHO
            RUN --mount=type=cache,id=meet,target=/meet %s
            RUN --mount=type=cache,id=log,target=/c,sharing=locked echo $WHO-start >> /c/log && sleep 2 \\
                && echo $WHO-end >> /c/log
            """.formatted(base, meet("/meet", "$WHO", "a", "b")));
        Path cache = tmp.resolve("cache");
        List<Process> builds = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String who : List.of("a", "b")) {
            builds.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CacheMountBuildMain.class.getName(), ctx.resolve("Dockerfile").toString(), ctx.toString(),
                cache.toString(), who).redirectErrorStream(true).start());
        }
        for (Process p : builds) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "build did not end");
            assertEquals(0, p.exitValue(), out);
        }
        String log = Files.readString(CacheMounts.directory(cache.resolve("run-mounts"), "log").resolve("log"));
        assertTrue(log.equals("a-start\na-end\nb-start\nb-end\n") || log.equals("b-start\nb-end\na-start\na-end\n"),
            log);
        try (Stream<Path> left = Files.list(cache.resolve("run"))) {
            assertEquals(List.of(), left.toList(), "step state left behind");
        }
    }

    @Test
    void aCacheMountFromAStageStartsAsACopyOfItAndPersists() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM oci-layout://%1$s AS seed
            RUN mkdir /s && echo seeded > /s/f
            FROM oci-layout://%1$s
            RUN --mount=type=cache,id=c,target=/c,from=seed,source=/s cat /c/f > /first && echo more >> /c/f
            RUN --mount=type=cache,id=c,target=/c,from=seed,source=/s cat /c/f > /second
            RUN --mount=type=cache,id=c,target=/c ls /c > /plain
            """.formatted(base));
        BuildResult r = Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("cache")).run();
        assertEquals(Map.of("first", "seeded\n", "second", "seeded\nmore\n", "plain", ""),
            BuildRunMountsTest.added(r));
        BuildException e = assertThrows(BuildException.class, () -> {
            Files.writeString(ctx.resolve("Dockerfile"), "FROM oci-layout://" + base
                + "\nRUN --mount=type=cache,target=/c,source=/s true\n");
            Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("cache")).run();
        });
        assertEquals("Dockerfile:2: RUN --mount=type=cache,target=/c,source=/s: a cache mount's source is a path in "
            + "its from, which is missing", e.getMessage());
    }
}
