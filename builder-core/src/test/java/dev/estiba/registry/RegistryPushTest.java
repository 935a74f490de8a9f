package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.image.BlobSource;
import dev.estiba.image.Digest;
import dev.estiba.image.MediaTypes;
import dev.estiba.image.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes beyond one manifest: indexes, Docker v2.2, parallel blobs, re-runs, identity tokens. */
class RegistryPushTest {
    @TempDir
    Path tmp;

    @Test
    void anIndexIsPushedChildByChildAndEachPlatformPullsBack() throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("multi");
        var images = TestImages.writeLayout(layout, "v1", "index-push", List.of("linux/amd64", "linux/arm64/v8"));
        byte[] index = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            ImageReference ref = f.ref("multi/pushed:v1");
            Digest digest = new ImagePusher(f.client()).push(index, MediaTypes.OCI_INDEX, new BlobDirectory(layout),
                List.of(ref), null);
            assertEquals(Digest.sha256(index), digest);
            List<String> inspect = f.skopeo("inspect", "");
            inspect.addAll(List.of("--raw", "docker://" + ref));
            assertArrayEquals(index, f.run(inspect).getBytes(StandardCharsets.UTF_8));
            for (var image : images) {
                PulledImage pulled = new ImagePuller(f.client()).pull(ref, Platform.parse(image.platform()),
                    new BlobDirectory(tmp.resolve("back")));
                assertEquals(image.manifestDigest(), pulled.manifest().digest().toString());
            }
        }
    }

    @Test
    void aDockerV22ImageKeepsItsDigestThroughPullAndPush() throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("layout");
        TestImages.writeLayout(layout, "v1", "docker-format", List.of("linux/amd64"));
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            ImageReference source = f.ref("docker/source:v1");
            List<String> copy = f.skopeo("copy", "dest");
            copy.addAll(List.of("--format", "v2s2", "oci:" + layout + ":v1", "docker://" + source));
            f.run(copy);
            Path pulledDir = tmp.resolve("pulled");
            PulledImage pulled = new ImagePuller(f.client()).pull(source, PlatformSelector.host(),
                new BlobDirectory(pulledDir));
            assertEquals(MediaTypes.DOCKER_MANIFEST, pulled.manifest().mediaType());

            ImageReference target = f.ref("docker/copy:v1");
            Digest pushed = new ImagePusher(f.client()).push(pulled.image(new BlobDirectory(pulledDir)),
                List.of(target), source);
            assertEquals(pulled.manifest().digest(), pushed);
            RemoteManifest back = f.client().fetchManifest(target);
            assertEquals(MediaTypes.DOCKER_MANIFEST, back.mediaType());
            assertArrayEquals(pulled.manifest().bytes(), back.bytes());
            assertTrue(RegistryRoundTripTest.outcomes(f, "docker/copy").stream()
                .allMatch(o -> o == BlobOutcome.MOUNTED), f.events.toString());
        }
    }

    @Test
    void blobsTravelSeveralAtOnce() throws Exception {
        Path layout = tmp.resolve("layout");
        TestImages.writeLayout(layout, "v1", "parallel", List.of("linux/amd64"));
        // A manifest with three layers.
        ObjectNode manifest = (ObjectNode) TestImages.JSON.readTree(RegistryFixture.layoutTop(layout));
        var layers = manifest.putArray("layers");
        for (int i = 0; i < 3; i++) {
            byte[] layer = TestImages.gzipTar("f" + i, ("layer " + i).getBytes(StandardCharsets.UTF_8));
            layers.addObject().put("mediaType", MediaTypes.OCI_LAYER_GZIP).put("digest", TestImages.blob(layout, layer))
                .put("size", layer.length);
        }
        byte[] bytes = TestImages.JSON.writeValueAsBytes(manifest);
        BlobDirectory dir = new BlobDirectory(layout);
        CountDownLatch together = new CountDownLatch(3);
        AtomicInteger opened = new AtomicInteger();
        BlobSource waitsForTheOthers = d -> {
            if (opened.incrementAndGet() <= 3) {
                together.countDown();
                try {
                    // Each of the first three uploads waits (boundedly) until all three have started.
                    together.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return dir.open(d);
        };
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            RegistryClient client = RegistryClient.create(f.options().withParallelBlobs(3), f.credentials(),
                f.events::add);
            new ImagePusher(client).push(bytes, MediaTypes.OCI_MANIFEST, waitsForTheOthers,
                List.of(f.ref("parallel/img:v1")), null);
            assertEquals(0, together.getCount(), "three uploads were open at the same time");
            assertEquals(4, RegistryRoundTripTest.outcomes(f, "parallel/img").size());
        }
    }

    @Test
    void aPushThatGaveUpFinishesWhenRunAgain() throws Exception {
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "rerun", List.of("linux/amd64")).get(0);
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            ImageReference ref = f.ref("rerun/img:v1");
            RegistryClient impatient = RegistryClient.create(f.options().withParallelBlobs(1)
                .withRetries(2, Duration.ofMillis(50)), f.credentials(), event -> {
                    f.events.add(event);
                    if (event instanceof RegistryEvent.BlobDone) {
                        f.registry.stop(); // down for good after the first blob
                    }
                });
            RegistryException e = assertThrows(RegistryException.class, () -> new ImagePusher(impatient)
                .push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout), List.of(ref), null));
            assertEquals(RegistryException.Kind.CONNECTION, e.kind());
            // One blob at a time, layers first: the config is the one that could not go.
            assertEquals("push blob " + written.configDigest() + " to " + ref.name() + ": cannot connect to "
                + f.registry.host() + ": connection refused (gave up after 2 attempts)", e.getMessage());

            f.registry.restart();
            f.events.clear();
            Digest digest = new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST,
                new BlobDirectory(layout), List.of(ref), null);
            assertEquals(Digest.sha256(manifest), digest);
            List<BlobOutcome> second = RegistryRoundTripTest.outcomes(f, "rerun/img");
            assertEquals(2, second.size());
            assertTrue(second.contains(BlobOutcome.ALREADY_IN_REGISTRY), second.toString());
            assertTrue(second.contains(BlobOutcome.UPLOADED), second.toString());
        }
    }

    @Test
    void anIdentityTokenIsExchangedWithARefreshGrant() throws Exception {
        Path layout = tmp.resolve("layout");
        TestImages.writeLayout(layout, "v1", "identity", List.of("linux/amd64"));
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            Path config = tmp.resolve("docker/config.json");
            Files.writeString(config, "{\"auths\":{\"" + f.registry.host() + "\":{\"identitytoken\":\""
                + TestTokenIssuer.REFRESH_TOKEN + "\"}}}");
            ImageReference ref = f.ref("identity/img:v1");
            Digest pushed = new ImagePusher(f.client()).push(RegistryFixture.layoutTop(layout),
                MediaTypes.OCI_MANIFEST, new BlobDirectory(layout), List.of(ref), null);
            assertEquals(pushed, f.client().fetchManifest(ref).digest());

            Files.writeString(config, "{\"auths\":{\"" + f.registry.host() + "\":{\"identitytoken\":\"stale\"}}}");
            RegistryException e = assertThrows(RegistryException.class, () -> f.client().fetchManifest(ref));
            assertEquals(RegistryException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.getMessage().contains("refused the identity token for " + ref.name()), e.getMessage());
        }
    }
}
