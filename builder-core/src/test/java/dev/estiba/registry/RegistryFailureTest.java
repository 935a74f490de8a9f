package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.Digest;
import dev.estiba.image.MediaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes wrong against real registries: each error names the registry and reference, and nothing bad is kept. */
class RegistryFailureTest {
    @TempDir
    Path tmp;

    private byte[] pushSample(RegistryFixture f, String repoTag) throws Exception {
        Path layout = tmp.resolve("layout");
        if (!Files.exists(layout)) {
            TestImages.writeLayout(layout, "v1", "failures", List.of("linux/amd64"));
        }
        byte[] manifest = RegistryFixture.layoutTop(layout);
        new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
            List.of(f.ref(repoTag)), null);
        return manifest;
    }

    @ParameterizedTest
    @EnumSource(value = TestRegistry.Mode.class, names = {"TLS_BASIC", "TOKEN"})
    void badCredentialsAreRefusedByName(TestRegistry.Mode mode) throws Exception {
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            pushSample(f, "private/img:v1");
            f.credentials().store(f.registry.host(), new Credential(TestRegistry.USER, "wrong"));
            ImageReference ref = f.ref("private/img:v1");
            RegistryException e = assertThrows(RegistryException.class, () -> f.client().fetchManifest(ref));
            assertEquals(RegistryException.Kind.UNAUTHORIZED, e.kind());
            String expected = mode == TestRegistry.Mode.TOKEN
                ? "pull " + ref + ": registry " + f.registry.host() + ": the token server "
                    + f.registry.issuer().realm().replaceAll("^http://|/token$", "")
                    + " refused the credentials of user estiba for " + ref.name() + " (HTTP 401)"
                : "pull " + ref + ": registry " + f.registry.host() + " refused the credentials of user estiba"
                    + " (HTTP 401: UNAUTHORIZED: authentication required)";
            assertEquals(expected, e.getMessage());

            RegistryException login = assertThrows(RegistryException.class, () -> f.client()
                .checkLogin(f.registry.host(), new Credential(TestRegistry.USER, "wrong")));
            assertEquals(RegistryException.Kind.UNAUTHORIZED, login.kind());
            f.client().checkLogin(f.registry.host(), new Credential(TestRegistry.USER, TestRegistry.PASSWORD));
        }
    }

    @Test
    void credentialsAreChosenPerRepositoryFromAuthJson() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            pushSample(f, "team/good:v1");
            pushSample(f, "team/bad:v1");
            f.credentials().erase(f.registry.host());
            Path authJson = tmp.resolve("auth.json");
            String good = java.util.Base64.getEncoder().encodeToString((TestRegistry.USER + ":"
                + TestRegistry.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String bad = java.util.Base64.getEncoder().encodeToString("estiba:nope".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
            Files.writeString(authJson, "{\"auths\":{\"" + f.registry.host() + "/team/good\":{\"auth\":\"" + good
                + "\"},\"" + f.registry.host() + "/team/bad\":{\"auth\":\"" + bad + "\"}}}");
            f.environment.put("REGISTRY_AUTH_FILE", authJson.toString());
            RegistryClient client = f.client();
            client.fetchManifest(f.ref("team/good:v1"));
            RegistryException e = assertThrows(RegistryException.class, () -> client.fetchManifest(f.ref("team/bad:v1")));
            assertEquals(RegistryException.Kind.UNAUTHORIZED, e.kind());
            client.fetchManifest(f.ref("team/good:v1"));
        }
    }

    @Test
    void anonymousAccessToATokenRegistryAsksForLogin() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            pushSample(f, "private/img:v1");
            f.credentials().erase(f.registry.host());
            ImageReference ref = f.ref("private/img:v1");
            RegistryException e = assertThrows(RegistryException.class, () -> f.client().fetchManifest(ref));
            assertEquals(RegistryException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.getMessage().startsWith("pull " + ref + ": registry " + f.registry.host()
                + " refused anonymous access (log in with: estiba login " + f.registry.host() + ") (HTTP 401: "),
                e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistry.Mode.class)
    void unknownImagesAndTagsAreNotFound(TestRegistry.Mode mode) throws Exception {
        try (RegistryFixture f = RegistryFixture.start(mode, tmp)) {
            pushSample(f, "known/img:v1");
            ImageReference unknownTag = f.ref("known/img:nope");
            RegistryException tag = assertThrows(RegistryException.class,
                () -> new ImagePuller(f.client()).pull(unknownTag, PlatformSelector.host(),
                    new BlobDirectory(tmp.resolve("sink"))));
            assertEquals(RegistryException.Kind.NOT_FOUND, tag.kind());
            assertEquals("pull " + unknownTag + ": manifest not found in registry " + f.registry.host()
                + " (HTTP 404: MANIFEST_UNKNOWN: manifest unknown)", tag.getMessage());

            ImageReference unknownImage = f.ref("no/such/image:v1");
            RegistryException image = assertThrows(RegistryException.class,
                () -> f.client().fetchManifest(unknownImage));
            assertEquals(RegistryException.Kind.NOT_FOUND, image.kind());
            assertEquals("pull " + unknownImage + ": manifest not found in registry " + f.registry.host()
                + " (HTTP 404: MANIFEST_UNKNOWN: manifest unknown)", image.getMessage());
            assertFalse(Files.exists(tmp.resolve("sink")));
        }
    }

    @Test
    void aBlobWhoseBytesDoNotMatchIsNeverStored() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            pushSample(f, "damaged/img:v1");
            var written = TestImages.writeLayout(tmp.resolve("layout"), "v1", "failures", List.of("linux/amd64"))
                .get(0);
            Path data = f.registry.blobData(written.layerDigest());
            byte[] bytes = Files.readAllBytes(data);
            bytes[bytes.length / 2] ^= 0x55; // same size, other content
            Files.write(data, bytes);

            ImageReference ref = f.ref("damaged/img:v1");
            Path sink = tmp.resolve("sink");
            RegistryException e = assertThrows(RegistryException.class,
                () -> new ImagePuller(f.client()).pull(ref, PlatformSelector.host(), new BlobDirectory(sink)));
            assertEquals(RegistryException.Kind.DIGEST_MISMATCH, e.kind());
            assertEquals("pull blob " + written.layerDigest() + " of " + ref + ": registry " + f.registry.host()
                + " sent bytes whose digest is " + TestImages.sha256(bytes) + "; nothing was stored", e.getMessage());
            BlobDirectory blobs = new BlobDirectory(sink);
            assertFalse(blobs.has(Digest.parse(written.layerDigest())));
            assertFalse(blobs.has(Digest.parse(written.manifestDigest())), "no manifest without its blobs");
            try (var files = Files.walk(sink)) {
                assertTrue(files.filter(Files::isRegularFile).allMatch(p -> p.getFileName().toString()
                    .equals(Digest.parse(written.configDigest()).hex())), "only the good config blob is kept");
            }
        }
    }

    @Test
    void aPushSurvivesTheRegistryRestartingMidway() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            Path layout = tmp.resolve("layout");
            TestImages.writeLayout(layout, "v1", "restart", List.of("linux/amd64"));
            byte[] manifest = RegistryFixture.layoutTop(layout);
            AtomicBoolean stopped = new AtomicBoolean();
            Thread[] restarter = new Thread[1];
            // One blob at a time, so the stop falls between the first blob and the rest.
            RegistryClient client = RegistryClient.create(f.options().withParallelBlobs(1)
                .withRetries(10, Duration.ofMillis(200)), f.credentials(), event -> {
                    f.events.add(event);
                    if (event instanceof RegistryEvent.BlobDone && stopped.compareAndSet(false, true)) {
                        f.registry.stop();
                        restarter[0] = new Thread(() -> {
                            try {
                                Thread.sleep(1000);
                                f.registry.restart();
                            } catch (Exception ex) {
                                throw new IllegalStateException(ex);
                            }
                        });
                        restarter[0].start();
                    }
                });
            ImageReference ref = f.ref("restart/img:v1");
            Digest pushed;
            try {
                pushed = new ImagePusher(client).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                    List.of(ref), null);
            } finally {
                if (restarter[0] != null) {
                    restarter[0].join(30_000);
                }
            }
            assertTrue(stopped.get());
            assertTrue(f.events.stream().anyMatch(e -> e instanceof RegistryEvent.Retrying r
                && r.reason().startsWith("cannot connect to " + f.registry.host())), f.events.toString());
            assertEquals(Digest.sha256(manifest), pushed);
            assertEquals(pushed, new ImagePuller(f.client()).pull(ref, PlatformSelector.host(),
                new BlobDirectory(tmp.resolve("back"))).manifest().digest());
        }
    }

    @Test
    void anUntrustedCertificateIsAClearTlsError() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TLS_BASIC, tmp)) {
            ImageReference ref = f.ref("any/img:v1");
            RegistryClient untrusting = RegistryClient.create(f.options().withCaCertificate(null), f.credentials(),
                null);
            RegistryException e = assertThrows(RegistryException.class, () -> untrusting.fetchManifest(ref));
            assertEquals(RegistryException.Kind.TLS, e.kind());
            assertTrue(e.getMessage().startsWith("pull " + ref + ": registry " + f.registry.host()
                + ": TLS certificate not trusted ("),
                e.getMessage());
            // The per-registry certs.d directory is enough too.
            Path certsD = tmp.resolve("certs.d");
            Files.createDirectories(certsD.resolve(f.registry.host()));
            Files.copy(f.registry.caCertificate(), certsD.resolve(f.registry.host()).resolve("ca.crt"));
            RegistryClient viaCertsDir = RegistryClient.create(f.options().withCaCertificate(null)
                .withCertsDirectories(List.of(certsD)), f.credentials(), null);
            RegistryException notFound = assertThrows(RegistryException.class, () -> viaCertsDir.fetchManifest(ref));
            assertEquals(RegistryException.Kind.NOT_FOUND, notFound.kind());
            // --insecure-registry skips the check.
            RegistryClient insecure = RegistryClient.create(f.options().withCaCertificate(null)
                .withInsecureRegistries(java.util.Set.of(f.registry.host())), f.credentials(), null);
            assertEquals(RegistryException.Kind.NOT_FOUND,
                assertThrows(RegistryException.class, () -> insecure.fetchManifest(ref)).kind());
        }
    }
}
