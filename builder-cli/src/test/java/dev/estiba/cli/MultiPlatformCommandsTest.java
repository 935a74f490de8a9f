package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.MediaTypes;
import dev.estiba.registry.PlatformSelector;
import dev.estiba.registry.RegistryFixture;
import dev.estiba.registry.TestImages;
import dev.estiba.registry.TestProcesses;
import dev.estiba.registry.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-platform images through convert --all, push, pull --all and inspect, judged by skopeo and umoci. */
class MultiPlatformCommandsTest {
    @TempDir
    Path tmp;

    static EstibaCommandTest.Run run(String... args) {
        return EstibaCommandTest.run(args);
    }

    /** Runs estiba and returns what it printed, failing with its error output when it fails. */
    static String ok(String... args) {
        EstibaCommandTest.Run r = run(args);
        assertEquals(ExitCodes.OK, r.exit(), String.join(" ", args) + ":\n" + r.err());
        return r.out();
    }

    /** Every blob of an OCI layout's first tagged tree: the index, its manifests, configs and layers. */
    static List<String> blobNames(Path layout) throws Exception {
        try (var s = Files.list(layout.resolve("blobs/sha256"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void convertAllCopiesEveryPlatformByteForByteThroughEachTransport() throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        TestProcesses.assumeInstalled("umoci");
        Path made = tmp.resolve("made");
        var images = TestImages.writeLayout(made, "v1", "multi", List.of("linux/amd64", "linux/arm64/v8"));
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            String config = f.environment.get("DOCKER_CONFIG");
            String cache = tmp.resolve("cache").toString();
            // The source: what skopeo copy --all writes.
            Path bySkopeo = tmp.resolve("by-skopeo");
            f.run(List.of("skopeo", "copy", "--all", "--preserve-digests", "oci:" + made + ":v1",
                "oci:" + bySkopeo + ":v1"));
            byte[] index = RegistryFixture.layoutTop(bySkopeo);
            String digest = Digest.sha256(index).toString();
            assertEquals(MediaTypes.OCI_INDEX, RegistryFixture.mediaTypeOf(index));

            Path archive = tmp.resolve("multi.tar");
            assertEquals(digest + "\n", ok("convert", "--all", "--cache-dir", cache, "oci:" + bySkopeo + ":v1",
                "oci-archive:" + archive + ":v1"));
            String ref = f.registry.host() + "/multi/img:v1";
            assertEquals(digest + "\n", ok("convert", "--all", "--config", config, "--cache-dir", cache,
                "oci-archive:" + archive + ":v1", "docker://" + ref));
            Path back = tmp.resolve("back");
            assertEquals(digest + "\n", ok("convert", "--all", "--config", config, "--cache-dir",
                tmp.resolve("cache2").toString(), "docker://" + ref, "oci:" + back + ":v1"));

            // Same index bytes and the same blobs at every step; skopeo agrees.
            assertArrayEquals(index, RegistryFixture.layoutTop(back));
            assertEquals(blobNames(bySkopeo), blobNames(back));
            for (String blob : blobNames(back)) {
                assertArrayEquals(Files.readAllBytes(bySkopeo.resolve("blobs/sha256").resolve(blob)),
                    Files.readAllBytes(back.resolve("blobs/sha256").resolve(blob)), blob);
            }
            for (String location : List.of("oci-archive:" + archive + ":v1", "oci:" + back + ":v1")) {
                assertEquals(new String(index, StandardCharsets.UTF_8),
                    f.run(List.of("skopeo", "inspect", "--raw", location)), location);
            }
            List<String> raw = f.skopeo("inspect", "");
            raw.addAll(List.of("--raw", "docker://" + ref));
            assertEquals(new String(index, StandardCharsets.UTF_8), f.run(raw));
            for (var image : images) {
                List<String> one = f.skopeo("inspect", "");
                one.addAll(List.of("--raw", "docker://" + f.registry.host() + "/multi/img@" + image.manifestDigest()));
                assertEquals(image.manifestDigest(),
                    Digest.sha256(f.run(one).getBytes(StandardCharsets.UTF_8)).toString());
            }
            // skopeo copies the whole index out of what we wrote; umoci lists our layout's tag.
            f.run(List.of("skopeo", "copy", "--all", "--preserve-digests", "oci-archive:" + archive + ":v1",
                "oci:" + tmp.resolve("again") + ":v1"));
            assertArrayEquals(index, RegistryFixture.layoutTop(tmp.resolve("again")));
            assertEquals("v1\n", f.run(List.of("umoci", "ls", "--layout", back.toString())));

            // Without --all the host's platform is copied, as skopeo copy does.
            var host = images.stream().filter(i -> i.platform().startsWith(PlatformSelector.host().os() + "/"
                + PlatformSelector.host().architecture())).findFirst();
            if (host.isPresent()) {
                assertEquals(host.get().manifestDigest() + "\n", ok("convert", "--cache-dir", cache,
                    "oci:" + back + ":v1", "oci:" + tmp.resolve("host") + ":v1"));
            }
        }
    }

    @Test
    void dockerArchiveTakesOnePlatformAndInspectShowsThePlatforms() throws Exception {
        Path layout = tmp.resolve("made");
        var images = TestImages.writeLayout(layout, "v1", "multi", List.of("linux/amd64", "linux/arm64/v8"));
        byte[] index = RegistryFixture.layoutTop(layout);
        Digest digest = Digest.sha256(index);
        String cache = tmp.resolve("cache").toString();
        String src = "oci:" + layout + ":v1";
        Path tar = tmp.resolve("docker.tar");

        assertEquals(new EstibaCommandTest.Run(ExitCodes.USAGE, "", "estiba: docker-archive:" + tar
            + ": a docker-save archive holds one platform per image, and " + digest + " is a multi-platform index "
            + "(linux/amd64, linux/arm64/v8); copy one platform with --platform instead of --all\n"),
            run("convert", "--all", "--cache-dir", cache, src, "docker-archive:" + tar));
        assertTrue(!Files.exists(tar), "nothing written");
        assertEquals(new EstibaCommandTest.Run(ExitCodes.USAGE, "", "estiba: convert: --all copies every platform; "
            + "leave out --platform linux/arm64\n"),
            run("convert", "--all", "--platform", "linux/arm64", src, "docker-archive:" + tar));
        assertEquals(images.get(1).manifestDigest() + "\n", ok("convert", "--platform", "linux/arm64", "--cache-dir",
            cache, src, "docker-archive:" + tar + ":multi:arm"));

        // inspect: the index as stored, a table of its platforms, and JSON.
        assertEquals(new String(index, StandardCharsets.UTF_8) + "\n", ok("inspect", "--raw", src));
        String table = ok("inspect", src);
        assertTrue(table.startsWith("Name:          " + src + "\nDigest:        " + digest + "\nMedia type:    "
            + MediaTypes.OCI_INDEX + "\nPlatforms:     2\n"), table);
        assertTrue(table.contains("\nlinux/amd64           " + images.get(0).manifestDigest() + "  "), table);
        assertTrue(table.contains("\nlinux/arm64/v8        " + images.get(1).manifestDigest() + "  "), table);
        JsonNode json = TestImages.JSON.readTree(ok("inspect", "--format", "json", src));
        assertEquals(digest.toString(), json.path("Digest").asText());
        assertEquals(List.of("amd64", "arm64"), List.of(json.path("Manifests").path(0).path("platform")
            .path("architecture").asText(), json.path("Manifests").path(1).path("platform").path("architecture")
            .asText()));
        assertTrue(ok("inspect", "--platform", "linux/arm64", src).contains("Digest:        "
            + images.get(1).manifestDigest() + "\n"));
        assertEquals(new String(index, StandardCharsets.UTF_8) + "\n", ok("inspect", "--raw", "oci:" + layout));
    }

    @Test
    void pushSendsTheWholeIndexFromALayoutAndFromTheStore() throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("made");
        var images = TestImages.writeLayout(layout, "v1", "pushed", List.of("linux/amd64", "linux/arm64/v8"));
        byte[] index = RegistryFixture.layoutTop(layout);
        String digest = Digest.sha256(index).toString();
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            String config = f.environment.get("DOCKER_CONFIG");
            String host = f.registry.host();
            String cache = tmp.resolve("cache").toString();
            assertEquals(digest + "\n", ok("push", "-q", "--config", config, "oci:" + layout + ":v1",
                host + "/multi/pushed:v1"));
            List<String> raw = f.skopeo("inspect", "");
            raw.addAll(List.of("--raw", "docker://" + host + "/multi/pushed:v1"));
            assertEquals(new String(index, StandardCharsets.UTF_8), f.run(raw));

            // pull --all keeps the index in the store; push sends it whole to another repository.
            assertEquals(digest + "\n", ok("pull", "-q", "--all", "--config", config, "--cache-dir", cache,
                host + "/multi/pushed:v1"));
            assertEquals(digest + "\n", ok("push", "-q", "--config", config, "--cache-dir", cache,
                host + "/multi/pushed:v1", host + "/multi/again:v1"));
            String listed = ok("images", "--cache-dir", cache);
            assertTrue(listed.contains(String.format("%-40s %-15s %-12s %-25s ", host + "/multi/pushed", "v1",
                Digest.parse(digest).shortHex(), "(2 platforms)")), listed);
            // save writes the whole index into an OCI archive; a docker save tar cannot hold it.
            Path saved = tmp.resolve("saved.tar");
            ok("save", "--cache-dir", cache, "--format", "oci", "-o", saved.toString(), host + "/multi/pushed:v1");
            assertEquals(new String(index, StandardCharsets.UTF_8), f.run(List.of("skopeo", "inspect", "--raw",
                "oci-archive:" + saved + ":" + host + "/multi/pushed:v1")));
            Path refused = tmp.resolve("refused.tar");
            EstibaCommandTest.Run docker = run("save", "--cache-dir", cache, "-o", refused.toString(),
                host + "/multi/pushed:v1");
            assertEquals(new EstibaCommandTest.Run(ExitCodes.USAGE, "", "estiba: save: " + host + "/multi/pushed:v1"
                + " is a multi-platform index (linux/amd64, linux/arm64/v8) and a docker-save archive holds one "
                + "platform per image; save it with --format oci, or pull one platform (estiba pull --platform)\n"),
                docker);
            assertTrue(!Files.exists(refused));
            List<String> copy = f.skopeo("copy", "src");
            copy.addAll(List.of("--all", "--preserve-digests", "docker://" + host + "/multi/again:v1",
                "oci:" + tmp.resolve("copied") + ":v1"));
            f.run(copy);
            assertArrayEquals(index, RegistryFixture.layoutTop(tmp.resolve("copied")));

            // --platform pushes one platform's manifest only.
            assertEquals(images.get(1).manifestDigest() + "\n", ok("push", "-q", "--config", config,
                "--platform", "linux/arm64", "oci:" + layout + ":v1", host + "/multi/arm:v1"));
        }
    }

    @Test
    void convertAllChangesTheFormatOfEveryPlatformAndRewritesTheIndex() throws Exception {
        Path layout = tmp.resolve("made");
        TestImages.writeLayout(layout, "v1", "fmt", List.of("linux/amd64", "linux/arm64/v8"));
        byte[] index = RegistryFixture.layoutTop(layout);
        ImageIndex original = ImageIndex.parse(index, "index");
        Path out = tmp.resolve("docker-layout");
        String printed = ok("convert", "--all", "--format", "docker", "--cache-dir", tmp.resolve("cache").toString(),
            "oci:" + layout + ":v1", "oci:" + out + ":v1").strip();
        byte[] list = RegistryFixture.layoutTop(out);
        assertEquals(Digest.sha256(list).toString(), printed);
        ImageIndex converted = ImageIndex.parse(list, "list");
        assertEquals(MediaTypes.DOCKER_MANIFEST_LIST, converted.mediaType());
        List<String> platforms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertEquals(MediaTypes.DOCKER_MANIFEST, converted.manifests().get(i).mediaType());
            assertEquals(original.manifests().get(i).platform(), converted.manifests().get(i).platform());
            platforms.add(converted.manifests().get(i).platform().toString());
        }
        assertEquals(List.of("linux/amd64", "linux/arm64/v8"), platforms);
        // Each platform is the same image (config and layers) in the other format; and back again in OCI.
        Path again = tmp.resolve("oci-again");
        String back = ok("convert", "--all", "--format", "oci", "--cache-dir", tmp.resolve("cache").toString(),
            "oci:" + out + ":v1", "oci:" + again + ":v1").strip();
        assertEquals(MediaTypes.OCI_INDEX, RegistryFixture.mediaTypeOf(RegistryFixture.layoutTop(again)));
        assertEquals(Digest.sha256(RegistryFixture.layoutTop(again)).toString(), back);
        for (String platform : platforms) {
            JsonNode before = TestImages.JSON.readTree(ok("inspect", "--format", "json", "--platform", platform,
                "oci:" + layout + ":v1"));
            for (Path written : List.of(out, again)) {
                JsonNode after = TestImages.JSON.readTree(ok("inspect", "--format", "json", "--platform", platform,
                    "oci:" + written + ":v1"));
                assertEquals(before.path("ImageID"), after.path("ImageID"), platform);
                assertEquals(before.path("Layers"), after.path("Layers"), platform);
                assertEquals(written == out ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST,
                    after.path("MediaType").asText());
            }
        }
    }
}
