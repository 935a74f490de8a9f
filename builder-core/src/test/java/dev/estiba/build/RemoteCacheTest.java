package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.Descriptor;
import dev.estiba.image.ImageManifest;
import dev.estiba.registry.RegistryClient;
import dev.estiba.registry.RegistryFixture;
import dev.estiba.registry.RemoteManifest;
import dev.estiba.registry.TestRegistry;
import dev.estiba.store.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry cache against the real test registry: a second machine (a second, empty cache directory) gets
 * every unchanged step, RUN included, as a hit through {@code --cache-from} and builds the same digest; min and
 * max modes on a multi-stage build. RUN needs root and busybox-static, as in {@link BuildRunTest}.
 */
class RemoteCacheTest {
    @TempDir
    Path tmp;

    Path ctx;
    Path base;
    RegistryFixture registry;
    RegistryClient client;
    final List<BuildEvent> events = new ArrayList<>();

    @BeforeEach
    void busyboxBaseAndRegistry() throws Exception {
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
        Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("base-cache"))
            .output(Output.parse("type=oci,dest=" + base)).run();
        Files.delete(ctx.resolve("busybox"));
        registry = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp.resolve("reg"));
        client = registry.client();
    }

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    String ref(String repoAndTag) {
        return registry.registry.host() + "/" + repoAndTag;
    }

    void dockerfile(String body) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), body.replace("BASE", "oci-layout://" + base));
    }

    /** A build in its own cache directory; events of this build only. */
    BuildResult build(String cache, UnaryOperator<Build> options) throws Exception {
        events.clear();
        Build b = Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve(cache))
            .registry(client).listener(events::add);
        return options.apply(b).run();
    }

    /** "[stage] instruction" -> "CACHED" or "built", for every step after FROM, in Dockerfile order. */
    Map<String, String> steps() {
        Map<Integer, BuildEvent.StepStarted> started = new HashMap<>();
        Map<Integer, Boolean> cached = new HashMap<>();
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepStarted s && !s.text().startsWith("FROM ")) {
                started.put(s.id(), s);
            } else if (e instanceof BuildEvent.StepDone d) {
                cached.put(d.id(), d.cached());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        started.values().stream()
            .sorted(java.util.Comparator.comparing(BuildEvent.StepStarted::stage)
                .thenComparingInt(BuildEvent.StepStarted::position))
            .forEach(s -> out.put("[" + s.stage() + "] " + s.text(), cached.get(s.id()) ? "CACHED" : "built"));
        return out;
    }

    List<String> warnings() {
        return events.stream().filter(e -> e instanceof BuildEvent.Warning).map(e -> ((BuildEvent.Warning) e).message())
            .toList();
    }

    ImageManifest artifact(String ref) throws Exception {
        RemoteManifest m = client.fetchManifest(dev.estiba.registry.ImageReference.parse(ref));
        return ImageManifest.parse(m.bytes(), ref);
    }

    @Test
    void anEmptyCacheDirectoryHitsEveryUnchangedStepThroughTheRegistryAndBuildsTheSameDigest() throws Exception {
        Files.writeString(ctx.resolve("a.txt"), "alpha\n");
        Files.writeString(ctx.resolve("b.txt"), "beta\n");
        dockerfile("""
            FROM BASE
            COPY a.txt /app/a.txt
            RUN tr a-z A-Z < /app/a.txt > /app/A.txt
            COPY b.txt /app/b.txt
            RUN cat /app/A.txt /app/b.txt > /app/all.txt
            ENV DONE=1
            """);
        String cache = ref("team/app:buildcache");
        BuildResult first = build("cache-a", b -> b.cacheTo(CacheSpec.parse("type=registry,ref=" + cache, true)));
        Map<String, String> allBuilt = new LinkedHashMap<>();
        allBuilt.put("[stage-0] COPY a.txt /app/a.txt", "built");
        allBuilt.put("[stage-0] RUN tr a-z A-Z < /app/a.txt > /app/A.txt", "built");
        allBuilt.put("[stage-0] COPY b.txt /app/b.txt", "built");
        allBuilt.put("[stage-0] RUN cat /app/A.txt /app/b.txt > /app/all.txt", "built");
        allBuilt.put("[stage-0] ENV DONE=1", "built");
        assertEquals(allBuilt, steps());
        ImageManifest exported = artifact(cache);
        assertEquals("application/vnd.estiba.cache.v1+json", exported.artifactType());
        assertEquals("application/vnd.estiba.cache.config.v1+json", exported.config().mediaType());
        List<Descriptor> imageLayers = first.image().layers();
        assertEquals(imageLayers.subList(imageLayers.size() - 4, imageLayers.size()), exported.layers().stream()
            .sorted(java.util.Comparator.comparingInt(l -> imageLayers.indexOf(l))).toList());

        // Another machine: an empty cache directory, a cache that does not exist (a warning), then the real one.
        String missing = ref("team/none:buildcache");
        BuildResult second = build("cache-b", b -> b.cacheFrom(CacheSpec.parse(missing, false))
            .cacheFrom(CacheSpec.parse("type=registry,ref=" + cache, false)));
        Map<String, String> allCached = new LinkedHashMap<>(allBuilt);
        allCached.replaceAll((k, v) -> k.contains(" ENV ") ? "built" : "CACHED");
        assertEquals(allCached, steps());
        assertEquals(first.manifestDigest(), second.manifestDigest());
        assertEquals(java.util.Set.of(List.of("cache hit", "  from the registry cache " + cache)), events.stream()
            .filter(e -> e instanceof BuildEvent.StepDone d && d.cached())
            .map(e -> ((BuildEvent.StepDone) e).explanation()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of("cache " + missing + " not found in the registry, ignored: pull " + missing
            + ": manifest not found in registry " + registry.registry.host()
            + " (HTTP 404: MANIFEST_UNKNOWN: manifest unknown)"), warnings());

        // One file changes: the steps from it on miss; the RUN after it runs on layers fetched from the registry.
        Files.writeString(ctx.resolve("b.txt"), "gamma\n");
        BuildResult third = build("cache-c", b -> b.cacheFrom(CacheSpec.of(cache)));
        Map<String, String> expected = new LinkedHashMap<>(allCached);
        expected.put("[stage-0] COPY b.txt /app/b.txt", "built");
        expected.put("[stage-0] RUN cat /app/A.txt /app/b.txt > /app/all.txt", "built");
        assertEquals(expected, steps());
        assertNotEquals(first.manifestDigest(), third.manifestDigest());
        Map<String, String> files = BuildTest.files(third.image());
        assertTrue(files.get("app/all.txt").endsWith(" ALPHA\ngamma\n"), files.get("app/all.txt"));
        // Only what the build used came down: not the old b.txt layer nor the old RUN's.
        BlobStore storeC = new BlobStore(tmp.resolve("cache-c"));
        for (Descriptor unused : imageLayers.subList(imageLayers.size() - 2, imageLayers.size())) {
            assertFalse(storeC.has(unused.digest()), unused.digest().toString());
        }
        for (Descriptor used : imageLayers.subList(0, imageLayers.size() - 2)) {
            assertTrue(storeC.has(used.digest()), used.digest().toString());
        }
    }

    @Test
    void minExportsTheFinalStagesStepsAndMaxTheIntermediateOnesToo() throws Exception {
        Files.writeString(ctx.resolve("a.txt"), "alpha\n");
        dockerfile("""
            FROM BASE AS builder
            COPY a.txt /src/a.txt
            RUN tr a-z A-Z < /src/a.txt > /out
            FROM BASE
            COPY --from=builder /out /copied
            RUN cat /copied /copied > /final
            """);
        String min = ref("team/app:cache-min");
        String max = ref("team/app:cache-max");
        BuildResult first = build("cache-a", b -> b.cacheTo(CacheSpec.parse("type=registry,ref=" + min + ",mode=min",
            true)).cacheTo(CacheSpec.parse("type=registry,ref=" + max + ",mode=max", true)));
        assertEquals(2, artifact(min).layers().size());
        assertEquals(4, artifact(max).layers().size());
        // The artifact lists its layers in key order, not image order: compare the sets.
        assertEquals(java.util.Set.copyOf(first.image().layers().subList(first.image().layers().size() - 2,
            first.image().layers().size())), java.util.Set.copyOf(artifact(min).layers()));

        // min: the builder stage runs again (its steps were not exported); the final stage's steps hit.
        BuildResult fromMin = build("cache-b", b -> b.cacheFrom(CacheSpec.of(min)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("[builder] COPY a.txt /src/a.txt", "built");
        expected.put("[builder] RUN tr a-z A-Z < /src/a.txt > /out", "built");
        expected.put("[stage-1] COPY --from=builder /out /copied", "CACHED");
        expected.put("[stage-1] RUN cat /copied /copied > /final", "CACHED");
        assertEquals(expected, steps());
        assertEquals(first.manifestDigest(), fromMin.manifestDigest());

        // max: every step hits.
        BuildResult fromMax = build("cache-c", b -> b.cacheFrom(CacheSpec.of(max)));
        expected.replaceAll((k, v) -> "CACHED");
        assertEquals(expected, steps());
        assertEquals(first.manifestDigest(), fromMax.manifestDigest());

        // An image is not a cache: the build fails and says what it expected.
        String image = ref("team/app:1");
        new dev.estiba.registry.ImagePusher(client).push(first.image(),
            List.of(dev.estiba.registry.ImageReference.parse(image)), null);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
            () -> build("cache-d", b -> b.cacheFrom(CacheSpec.of(image))));
        assertEquals("cache " + image + ": not an estiba build cache (artifactType "
            + "application/vnd.estiba.cache.v1+json)", e.getMessage());
    }
}
