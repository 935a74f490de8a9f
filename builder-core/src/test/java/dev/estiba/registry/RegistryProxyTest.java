package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.image.Digest;
import dev.estiba.image.MediaTypes;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries reached through a proxy that demands credentials: HTTPS through CONNECT, plain HTTP by forwarding,
 * the credentials taken from the proxy URL, and NO_PROXY going direct. The registry is named
 * {@code registry.test:PORT}, a name only the proxy resolves (to 127.0.0.1), because loopback names never use a
 * proxy.
 */
class RegistryProxyTest {
    static final String USER = "proxy-user";
    static final String PASSWORD = "p@ss:word";
    static final String EXPECTED = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(
        java.nio.charset.StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    static String proxyUrl(TestProxy proxy, boolean withCredentials) {
        return "http://" + (withCredentials ? USER + ":p%40ss%3Aword@" : "") + "127.0.0.1:" + proxy.port();
    }

    static String port(RegistryFixture f) {
        return f.registry.host().substring(f.registry.host().lastIndexOf(':') + 1);
    }

    @Test
    void httpsGoesThroughAnAuthenticatedConnectTunnel() throws Exception {
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "proxied", List.of("linux/amd64")).get(0);
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TLS_BASIC, tmp);
             TestProxy proxy = new TestProxy(USER, PASSWORD)) {
            String host = "registry.test:" + port(f);
            f.credentials().store(host, new Credential(TestRegistry.USER, TestRegistry.PASSWORD));
            f.environment.put("HTTPS_PROXY", proxyUrl(proxy, true));
            ImageReference ref = ImageReference.parse(host + "/prox/img:v1");
            Digest pushed = new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST,
                new BlobDirectory(layout), List.of(ref), null);
            assertEquals(written.manifestDigest(), pushed.toString());
            assertArrayEquals(manifest, f.client().fetchManifest(ref).bytes());

            assertTrue(!proxy.seen().isEmpty());
            for (TestProxy.Seen s : proxy.seen()) {
                assertEquals("CONNECT " + host + " HTTP/1.1", s.requestLine());
                assertEquals(EXPECTED, s.authorization());
            }
        }
    }

    @Test
    void plainHttpIsForwardedWithTheCredentials() throws Exception {
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "forwarded", List.of("linux/amd64")).get(0);
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp);
             TestProxy proxy = new TestProxy(USER, PASSWORD)) {
            String host = "registry.test:" + port(f);
            f.environment.put("HTTP_PROXY", proxyUrl(proxy, true));
            f.environment.put("HTTPS_PROXY", proxyUrl(proxy, true));
            RegistryClient client = RegistryClient.create(f.options().withInsecureRegistries(Set.of(host)),
                f.credentials(), f.events::add);
            ImageReference ref = ImageReference.parse(host + "/fwd/img:v1");
            Digest pushed = new ImagePusher(client).push(manifest, MediaTypes.OCI_MANIFEST, new BlobDirectory(layout),
                List.of(ref), null);
            assertEquals(written.manifestDigest(), pushed.toString());
            assertArrayEquals(manifest, client.fetchManifest(ref).bytes());

            List<String> lines = proxy.seen().stream().map(TestProxy.Seen::requestLine).toList();
            assertTrue(lines.contains("CONNECT " + host + " HTTP/1.1"), "the HTTPS probe: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.matches("[A-Z]+ http://" + host + "/v2/.* HTTP/1.1")),
                lines.toString());
            assertTrue(proxy.seen().stream().allMatch(s -> EXPECTED.equals(s.authorization())), proxy.seen().toString());
        }
    }

    @Test
    void withoutCredentialsTheProxyRefusesAndTheErrorSaysSo() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TLS_BASIC, tmp);
             TestProxy proxy = new TestProxy(USER, PASSWORD)) {
            String host = "registry.test:" + port(f);
            f.environment.put("HTTPS_PROXY", proxyUrl(proxy, false));
            RegistryClient client = RegistryClient.create(f.options().withRetries(1, java.time.Duration.ofMillis(1)),
                f.credentials(), f.events::add);
            RegistryException e = assertThrows(RegistryException.class,
                () -> client.fetchManifest(ImageReference.parse(host + "/prox/img:v1")));
            assertEquals("pull " + host + "/prox/img:v1: the proxy to " + host + " wants credentials (put them in the"
                + " proxy URL: HTTPS_PROXY or HTTP_PROXY=http://USER:PASSWORD@HOST:PORT) (HTTP 407)", e.getMessage());
            assertEquals(RegistryException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(proxy.seen().stream().allMatch(s -> s.authorization() == null));
        }
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp);
             TestProxy proxy = new TestProxy(USER, PASSWORD)) {
            String host = "registry.test:" + port(f);
            f.environment.put("HTTPS_PROXY", proxyUrl(proxy, true));
            f.environment.put("HTTP_PROXY", proxyUrl(proxy, true));
            f.environment.put("NO_PROXY", "example.org,.test");
            RegistryClient client = RegistryClient.create(f.options().withRetries(1, java.time.Duration.ofMillis(1))
                .withInsecureRegistries(Set.of(host)), f.credentials(), f.events::add);
            assertThrows(RegistryException.class, () -> client.fetchManifest(ImageReference.parse(host + "/a:v1")));
            assertEquals(List.of(), proxy.seen(), "registry.test is under .test in NO_PROXY");
        }
    }
}
