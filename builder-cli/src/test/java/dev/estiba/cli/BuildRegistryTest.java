package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.registry.RegistryFixture;
import dev.estiba.registry.TestImages;
import dev.estiba.registry.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** estiba build with FROM images from a registry and pushes to it, against each of the three test registries. */
class BuildRegistryTest {
    @TempDir
    Path tmp;

    private Path dockerfile(String name, String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("Dockerfile"), text);
        return dir;
    }

    private static JsonNode json(String text) throws Exception {
        return TestImages.JSON.readTree(text);
    }

    /** The CLI's registry flags for a fixture: its credentials (docker config) and, for TLS, the test CA. */
    static List<String> registryFlags(RegistryFixture f) {
        List<String> flags = new ArrayList<>(List.of("--config", f.environment.get("DOCKER_CONFIG")));
        if (f.registry.mode() == TestRegistry.Mode.TLS_BASIC) {
            flags.addAll(List.of("--tls-ca-cert", f.registry.caCertificate().toString()));
        }
        return flags;
    }

    private static EstibaCommandTest.Run estiba(RegistryFixture f, String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(registryFlags(f));
        all.addAll(List.of(args));
        return EstibaCommandTest.run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(TestRegistry.Mode.class)
    void buildsFromAPushedImageAndPushesWithTheSameDigest(TestRegistry.Mode mode) throws Exception {
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            String host = f.registry.host();

            // The base: built in one cache, pushed under two tags with --push.
            Path base = dockerfile("base", "FROM scratch\nENV GREETING=hello\nWORKDIR /srv\nUSER 1000\n");
            Path iid = tmp.resolve("base.iid");
            Path meta = tmp.resolve("base.json");
            EstibaCommandTest.Run pushed = estiba(f, "build", "--progress", "plain",
                "--cache-dir", tmp.resolve("cache-a").toString(), "-t", host + "/b/base:1", "-t", host + "/b/base:latest",
                "--push", "--iidfile", iid.toString(), "--metadata-file", meta.toString(), base.toString());
            assertEquals(ExitCodes.OK, pushed.exit(), pushed.err());
            String digest = pushed.out().trim();
            JsonNode m = TestImages.JSON.readTree(meta.toFile());
            assertEquals(digest, m.path("containerimage.digest").asText());
            // A pushed build's --iidfile holds the registry's (manifest) digest.
            assertEquals(digest, Files.readString(iid));
            assertTrue(m.path("containerimage.config.digest").asText().startsWith("sha256:"), m.toString());
            assertNotEquals(digest, m.path("containerimage.config.digest").asText());
            assertEquals(host + "/b/base:1," + host + "/b/base:latest", m.path("image.name").asText());

            // The registry serves those exact bytes under both tags.
            for (String tag : List.of("1", "latest")) {
                List<String> inspect = new ArrayList<>(f.skopeo("inspect", ""));
                inspect.add("docker://" + host + "/b/base:" + tag);
                assertEquals(digest, json(f.run(inspect)).path("Digest").asText(), tag);
            }
            EstibaCommandTest.Run pulled = estiba(f, "pull", "-q", "--cache-dir",
                tmp.resolve("cache-c").toString(), host + "/b/base:1");
            assertEquals(digest + "\n", pulled.out(), pulled.err());

            // A second machine (empty cache) builds FROM it: the base's config comes along, and the result goes
            // out through --output type=registry.
            Path app = dockerfile("app", "FROM " + host + "/b/base:1\nENV SUFFIX=${GREETING}-world\n");
            Path appIid = tmp.resolve("app.iid");
            EstibaCommandTest.Run built = estiba(f, "build", "--progress", "plain", "--iidfile", appIid.toString(),
                "--cache-dir", tmp.resolve("cache-b").toString(),
                "--output", "type=registry,name=" + host + "/b/app:1", "-o", "type=oci,dest=" + tmp.resolve("app-oci"),
                app.toString());
            assertEquals(ExitCodes.OK, built.exit(), built.err());
            String appDigest = built.out().trim();
            assertEquals(appDigest, Files.readString(appIid));
            List<String> inspect = new ArrayList<>(f.skopeo("inspect", ""));
            inspect.addAll(List.of("--config", "docker://" + host + "/b/app:1"));
            JsonNode cfg = json(f.run(inspect)).path("config");
            assertEquals("[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"GREETING=hello\","
                + "\"SUFFIX=hello-world\"]", cfg.path("Env").toString());
            assertEquals("/srv", cfg.path("WorkingDir").asText());
            assertEquals("1000", cfg.path("User").asText());
            List<String> raw = new ArrayList<>(f.skopeo("inspect", ""));
            raw.add("docker://" + host + "/b/app:1");
            assertEquals(appDigest, json(f.run(raw)).path("Digest").asText());
            byte[] layoutTop = RegistryFixture.layoutTop(tmp.resolve("app-oci"));
            assertEquals(appDigest, TestImages.sha256(layoutTop));

            // base:1 changes in the registry: the store's copy is used until --pull re-checks.
            Path base2 = dockerfile("base2", "FROM scratch\nENV GREETING=bye\n");
            EstibaCommandTest.Run repushed = estiba(f, "build", "--progress", "plain",
                "--cache-dir", tmp.resolve("cache-a").toString(), "-t", host + "/b/base:1", "--push", base2.toString());
            assertEquals(ExitCodes.OK, repushed.exit(), repushed.err());
            for (boolean pull : new boolean[] {false, true}) {
                Path out = tmp.resolve("app-" + pull);
                Path localIid = tmp.resolve("local-" + pull + ".iid");
                List<String> args = new ArrayList<>(List.of("build", "--progress", "plain", "--iidfile",
                    localIid.toString(), "--cache-dir", tmp.resolve("cache-b").toString(), "-o", "type=oci,dest=" + out));
                args.addAll(1, registryFlags(f));
                if (pull) {
                    args.add("--pull");
                }
                args.add(app.toString());
                EstibaCommandTest.Run again = EstibaCommandTest.run(args.toArray(String[]::new));
                assertEquals(ExitCodes.OK, again.exit(), again.err());
                JsonNode manifest = TestImages.JSON.readTree(RegistryFixture.layoutTop(out));
                // Without a push, --iidfile holds the image id (the config digest), as docker build writes it.
                assertEquals(manifest.path("config").path("digest").asText(), Files.readString(localIid));
                String configHex = manifest.path("config").path("digest").asText().substring("sha256:".length());
                JsonNode env = TestImages.JSON.readTree(out.resolve("blobs/sha256").resolve(configHex).toFile())
                    .path("config").path("Env");
                assertEquals(pull ? "SUFFIX=bye-world" : "SUFFIX=hello-world", env.get(env.size() - 1).asText(),
                    "--pull " + pull);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestRegistry.Mode.class, names = {"TLS_BASIC", "TOKEN"})
    void aSecondCacheDirectoryReusesTheFirstOnesStepsThroughAnAuthenticatedRegistry(TestRegistry.Mode mode)
            throws Exception {
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            String cacheRef = f.registry.host() + "/ci/app:buildcache";
            Path app = dockerfile("cached", "FROM scratch\nCOPY a.txt /a.txt\nWORKDIR /srv\nCOPY a.txt /srv/b.txt\n");
            Files.writeString(app.resolve("a.txt"), "alpha\n");
            EstibaCommandTest.Run first = estiba(f, "build", "--progress", "plain", "--cache-dir",
                tmp.resolve("cache-a").toString(), "--cache-to", "type=registry,ref=" + cacheRef + ",mode=max",
                app.toString());
            assertEquals(ExitCodes.OK, first.exit(), first.err());
            assertTrue(first.err().contains("exporting cache to registry " + cacheRef + " (mode=max)\n"), first.err());
            assertEquals(0, first.err().split(" CACHED\n", -1).length - 1, first.err());

            EstibaCommandTest.Run second = estiba(f, "build", "--progress", "plain", "--cache-dir",
                tmp.resolve("cache-b").toString(), "--cache-from", f.registry.host() + "/ci/none:cache",
                "--cache-from", "type=registry,ref=" + cacheRef, app.toString());
            assertEquals(ExitCodes.OK, second.exit(), second.err());
            assertEquals(first.out(), second.out());
            assertTrue(second.err().contains("importing cache manifest from " + cacheRef + "\n"), second.err());
            assertTrue(second.err().contains("WARNING: cache " + f.registry.host() + "/ci/none:cache not found in the "
                + "registry, ignored: "), second.err());
            // COPY, WORKDIR and COPY: all three hit.
            assertEquals(3, second.err().split(" CACHED\n", -1).length - 1, second.err());

            EstibaCommandTest.Run bad = estiba(f, "build", "--cache-dir", tmp.resolve("cache-b").toString(),
                "--cache-to", "type=local,dest=x", app.toString());
            assertEquals(new EstibaCommandTest.Run(ExitCodes.USAGE, "", "estiba build: invalid --cache-to "
                + "\"type=local,dest=x\": type \"local\" is not supported (only registry)\n"), bad);
        }
    }

    @Test
    void anUnknownFromImageNamesTheRegistryTheReferenceAndTheLine() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            String host = f.registry.host();
            Path dir = dockerfile("unknown", "# base\nFROM " + host + "/no/such:tag\nENV A=1\n");
            EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--config", tmp.resolve("cli-docker").toString(),
                "--progress", "plain", "--cache-dir", tmp.resolve("cache").toString(), dir.toString());
            assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
            assertTrue(r.err().contains("Dockerfile:2"), r.err());
            assertTrue(r.err().contains("FROM failed: pull " + host + "/no/such:tag: manifest not found in registry "
                + host + " (HTTP 404: MANIFEST_UNKNOWN: manifest unknown)"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void pushNeedsAName() throws Exception {
        Path dir = dockerfile("noname", "FROM scratch\n");
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", tmp.resolve("cache").toString(),
            "--push", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("estiba build: --push needs a -t name to push to\n", r.err());
        EstibaCommandTest.Run o = EstibaCommandTest.run("build", "--cache-dir", tmp.resolve("cache").toString(),
            "-o", "type=registry", dir.toString());
        assertEquals(ExitCodes.USAGE, o.exit());
        assertEquals("estiba build: invalid --output \"type=registry\": missing name=\n", o.err());
    }
}
