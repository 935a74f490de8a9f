package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.Digest;
import dev.estiba.image.MediaTypes;
import dev.estiba.image.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Push, pull and skopeo against each of the three registry setups. */
class RegistryRoundTripTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestRegistry.Mode.class)
    void pushThenPullBackGivesTheSameDigestsAndSkopeoAgrees(TestRegistry.Mode mode) throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "round-trip", List.of("linux/amd64")).get(0);
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            RegistryClient client = f.client();
            ImageReference target = f.ref("round/trip:v1");
            Digest pushed = new ImagePusher(client).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                List.of(target, f.ref("round/trip:also")), null);
            assertEquals(written.manifestDigest(), pushed.toString());
            assertEquals(List.of(BlobOutcome.UPLOADED, BlobOutcome.UPLOADED), outcomes(f, "round/trip"));

            // skopeo sees our exact bytes under both tags.
            List<String> inspect = f.skopeo("inspect", "");
            inspect.addAll(List.of("--raw", "docker://" + target));
            assertArrayEquals(manifest, f.run(inspect).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<String> digest = f.skopeo("inspect", "");
            digest.addAll(List.of("--format", "{{.Digest}}", "docker://" + f.ref("round/trip:also")));
            assertEquals(written.manifestDigest(), f.run(digest).strip());

            // skopeo copies it out intact.
            List<String> copy = f.skopeo("copy", "src");
            copy.addAll(List.of("--preserve-digests", "docker://" + target, "oci:" + tmp.resolve("copied") + ":v1"));
            f.run(copy);
            assertArrayEquals(manifest, RegistryFixture.layoutTop(tmp.resolve("copied")));

            // And we pull it back: same manifest bytes, same blobs.
            f.events.clear();
            Path back = tmp.resolve("back");
            PulledImage pulled = new ImagePuller(f.client()).pull(target, new Platform("linux", "amd64", null),
                new BlobDirectory(back));
            assertEquals(written.manifestDigest(), pulled.manifest().digest().toString());
            assertEquals(MediaTypes.OCI_MANIFEST, pulled.manifest().mediaType());
            assertArrayEquals(manifest, pulled.manifest().bytes());
            for (String blob : List.of(written.configDigest(), written.layerDigest(), written.manifestDigest())) {
                String hex = blob.substring(7);
                assertArrayEquals(Files.readAllBytes(layout.resolve("blobs/sha256").resolve(hex)),
                    Files.readAllBytes(back.resolve("blobs/sha256").resolve(hex)), blob);
            }
            assertEquals(List.of(BlobOutcome.DOWNLOADED, BlobOutcome.DOWNLOADED), outcomes(f, "round/trip"));
            f.events.clear();
            new ImagePuller(f.client()).pull(target, PlatformSelector.host(), new BlobDirectory(back));
            assertEquals(List.of(), outcomes(f, "round/trip"), "a second pull downloads nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestRegistry.Mode.class, names = {"PLAIN_HTTP", "TOKEN"})
    void pullsWhatSkopeoPushedAsDockerV22AndOci(TestRegistry.Mode mode) throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("layout");
        TestImages.writeLayout(layout, "v1", "by-skopeo", List.of("linux/amd64"));
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            for (String format : List.of("v2s2", "oci")) {
                ImageReference ref = f.ref("from/skopeo:" + format);
                List<String> copy = f.skopeo("copy", "dest");
                copy.addAll(List.of("--format", format, "oci:" + layout + ":v1", "docker://" + ref));
                f.run(copy);
                List<String> inspect = f.skopeo("inspect", "");
                inspect.addAll(List.of("--format", "{{.Digest}}", "docker://" + ref));
                String expected = f.run(inspect).strip();

                PulledImage pulled = new ImagePuller(f.client()).pull(ref, PlatformSelector.host(),
                    new BlobDirectory(tmp.resolve("pulled-" + format)));
                assertEquals(expected, pulled.manifest().digest().toString());
                assertEquals(format.equals("oci") ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST,
                    pulled.manifest().mediaType());
                assertEquals(1, pulled.parsed().layers().size());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestRegistry.Mode.class, names = {"PLAIN_HTTP", "TLS_BASIC"})
    void choosesTheRequestedPlatformFromAnIndexSkopeoPushed(TestRegistry.Mode mode) throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("multi");
        var images = TestImages.writeLayout(layout, "v1", "multi", List.of("linux/amd64", "linux/arm64/v8",
            "linux/arm/v7"));
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            ImageReference ref = f.ref("multi/arch:v1");
            List<String> copy = f.skopeo("copy", "dest");
            copy.addAll(List.of("--all", "--preserve-digests", "oci:" + layout + ":v1", "docker://" + ref));
            f.run(copy);
            for (var image : images) {
                PulledImage pulled = new ImagePuller(f.client()).pull(ref, Platform.parse(image.platform()),
                    new BlobDirectory(tmp.resolve("pulled")));
                assertEquals(image.manifestDigest(), pulled.manifest().digest().toString(), image.platform());
                assertEquals(MediaTypes.OCI_INDEX, pulled.index().mediaType());
            }
            // arm64 without a variant is arm64/v8.
            assertEquals(images.get(1).manifestDigest(), new ImagePuller(f.client()).pull(ref,
                Platform.parse("linux/arm64"), new BlobDirectory(tmp.resolve("pulled"))).manifest().digest()
                .toString());
            RegistryException e = org.junit.jupiter.api.Assertions.assertThrows(RegistryException.class,
                () -> new ImagePuller(f.client()).pull(ref, Platform.parse("linux/s390x"),
                    new BlobDirectory(tmp.resolve("none"))));
            assertEquals(RegistryException.Kind.NO_MATCHING_PLATFORM, e.kind());
            assertEquals(ref + ": no manifest for platform linux/s390x; available: linux/amd64, linux/arm64/v8,"
                + " linux/arm/v7", e.getMessage());
            assertTrue(!Files.exists(tmp.resolve("none")) || isEmptyTree(tmp.resolve("none")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestRegistry.Mode.class, names = {"PLAIN_HTTP", "TOKEN"})
    void aSecondRepositoryMountsTheBlobs(TestRegistry.Mode mode) throws Exception {
        Path layout = tmp.resolve("layout");
        TestImages.writeLayout(layout, "v1", "mount", List.of("linux/amd64"));
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                List.of(f.ref("first/repo:v1")), null);
            f.events.clear();
            new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                List.of(f.ref("second/repo:v1")), f.ref("first/repo:v1"));
            assertEquals(List.of(BlobOutcome.MOUNTED, BlobOutcome.MOUNTED), outcomes(f, "second/repo"));
            String log = f.registry.log();
            assertTrue(log.lines().anyMatch(l -> l.contains("http.request.uri=\"/v2/second/repo/blobs/uploads/?")
                && l.contains("mount=sha256") && l.contains("http.response.status=201")), log);
            if (mode == TestRegistry.Mode.TOKEN) {
                assertTrue(f.registry.issuer().scopesRequested().contains("repository:first/repo:pull"),
                    f.registry.issuer().scopesRequested().toString());
            }
            // Pushing again finds everything in place.
            f.events.clear();
            new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                List.of(f.ref("second/repo:v1")), null);
            assertEquals(List.of(BlobOutcome.ALREADY_IN_REGISTRY, BlobOutcome.ALREADY_IN_REGISTRY),
                outcomes(f, "second/repo"));
        }
    }

    static List<BlobOutcome> outcomes(RegistryFixture f, String repository) {
        List<BlobOutcome> out = new ArrayList<>();
        for (RegistryEvent e : f.events) {
            if (e instanceof RegistryEvent.BlobDone d && d.repository().endsWith("/" + repository)) {
                out.add(d.outcome());
            }
        }
        return out;
    }

    static boolean isEmptyTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            return walk.noneMatch(Files::isRegularFile);
        }
    }
}
