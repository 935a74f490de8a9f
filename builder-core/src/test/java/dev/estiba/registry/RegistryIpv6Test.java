package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.image.Digest;
import dev.estiba.image.MediaTypes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry named by an IPv6 literal, {@code [::1]:PORT}: plain HTTP because it is loopback, as docker allows. */
class RegistryIpv6Test {
    @TempDir
    Path tmp;

    static InetAddress ipv6Loopback() throws IOException {
        InetAddress loopback = InetAddress.getByName("::1");
        try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
            return loopback;
        } catch (IOException e) {
            assumeTrue(false, "this machine has no IPv6 loopback (cannot listen on [::1]: " + e.getMessage() + ")");
            return null;
        }
    }

    @Test
    void pushAndPullThroughAnIpv6LiteralReference() throws Exception {
        InetAddress loopback = ipv6Loopback();
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "ipv6", List.of("linux/amd64")).get(0);
        byte[] manifest = RegistryFixture.layoutTop(layout);
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp, loopback)) {
            String host = f.registry.host();
            assertEquals("[::1]:", host.substring(0, 6));
            ImageReference ref = ImageReference.parse(host + "/v6/img:v1");
            assertEquals(host, ref.registry());
            assertFalse(f.options().isInsecure(host), "no --insecure-registry: loopback alone allows plain HTTP");

            Digest pushed = new ImagePusher(f.client()).push(manifest, MediaTypes.OCI_MANIFEST,
                new BlobDirectory(layout), List.of(ref), null);
            assertEquals(written.manifestDigest(), pushed.toString());
            assertArrayEquals(manifest, f.client().fetchManifest(ref).bytes());
            PulledImage pulled = new ImagePuller(f.client()).pull(ImageReference.parse(host + "/v6/img@" + pushed),
                PlatformSelector.host(), new BlobDirectory(tmp.resolve("pulled")));
            assertEquals(written.manifestDigest(), pulled.manifest().digest().toString());

            // skopeo 1.9's reference grammar has no IPv6 literals, so the judge is a plain GET of the manifest.
            java.net.http.HttpResponse<byte[]> get = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + host + "/v2/v6/img/manifests/v1"))
                    .header("Accept", MediaTypes.OCI_MANIFEST).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, get.statusCode());
            assertArrayEquals(manifest, get.body());
            assertEquals(true, f.registry.log().contains("http.request.remoteaddr=\"[::1]:"), "heard on ::1");
        }
    }
}
